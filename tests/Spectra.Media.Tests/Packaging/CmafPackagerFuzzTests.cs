using Spectra.Media.Mp4;
using Spectra.Media.Tests.TestSupport;

namespace Spectra.Media.Tests.Packaging;

/// <summary>Corrupted real input: the packager either succeeds or throws Mp4FormatException, never anything else.</summary>
public sealed class CmafPackagerFuzzTests
{
    [Theory]
    [InlineData(1, 0, 4096)]        // init segment and first fragment headers
    [InlineData(2, 0, 200_000)]     // anywhere
    [InlineData(3, 1200, 1700)]     // first moof (tfhd/tfdt/trun)
    public async Task RunAsync_MutatedGoldenFile_OnlyMp4FormatException(int seed, int from, int to)
    {
        var original = TestFiles.Read(TestFiles.AvcAac);
        var random = new Random(seed);
        to = Math.Min(to, original.Length);
        for (var iteration = 0; iteration < 150; iteration++)
        {
            var data = (byte[])original.Clone();
            var mutations = random.Next(1, 4);
            for (var m = 0; m < mutations; m++)
            {
                data[random.Next(from, to)] = (byte)random.Next(256);
            }

            var (packager, window, _) = Packagers.Create();
            try
            {
                await packager.RunAsync(new MemoryStream(data), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Mp4FormatException)
            {
            }
            catch (Exception ex)
            {
                Assert.Fail($"seed {seed} iteration {iteration}: {ex}");
            }

            foreach (var segment in window.Snapshot.Segments)
            {
                Assert.Equal(segment.Data.Length, segment.Fragments.Sum(f => f.Length));
                Assert.True(segment.Fragments[0].IsIndependent);
            }
        }
    }
}
