namespace Spectra.IntegrationTests.Live;

/// <summary>Tests that count the test process's children run with no other test in parallel.</summary>
[CollectionDefinition(LivePassthroughEndToEndTests.Isolated, DisableParallelization = true)]
public sealed class IsolatedProcessCollection;
