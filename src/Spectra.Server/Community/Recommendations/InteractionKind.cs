namespace Spectra.Server.Community.Recommendations;

internal enum InteractionKind
{
    Follow = 0,
    Watch = 1,
}
