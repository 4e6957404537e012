namespace Spectra.Server.Community.Recommendations;

public enum InteractionKind
{
    Follow = 0,
    Watch = 1,
}
