namespace Spectra.Rtmp.Tests.Integration;

/// <summary>
/// The fuzz test saturates the CPU with concurrent sessions; it runs alone so that the timing-sensitive tests
/// (timeouts of one or two seconds) never share the two cores with it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FuzzCollection
{
    public const string Name = "Fuzz";
}
