namespace Spectra.Data.Entities.Videos;

public enum VideoStatus
{
    /// <summary>The broadcast is live and being recorded.</summary>
    Recording = 0,

    /// <summary>Ended and playable.</summary>
    Ready = 1,
}
