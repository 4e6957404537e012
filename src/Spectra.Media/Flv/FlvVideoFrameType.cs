namespace Spectra.Media.Flv;

/// <summary>VIDEODATA FrameType (Adobe FLV v10.1, annex E.4.3.1).</summary>
internal enum FlvVideoFrameType : byte
{
    None = 0,
    Keyframe = 1,
    InterFrame = 2,
    DisposableInterFrame = 3,
    GeneratedKeyframe = 4,
    VideoInfoOrCommand = 5,
}
