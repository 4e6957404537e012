namespace Spectra.Media.Flv;

/// <summary>FLV TagType (Adobe FLV v10.1, annex E.4.1): the low 5 bits of the first tag header byte.</summary>
public enum FlvTagType : byte
{
    Audio = 8,
    Video = 9,
    ScriptData = 18,
}
