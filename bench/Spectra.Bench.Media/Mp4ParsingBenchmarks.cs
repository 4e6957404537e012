using BenchmarkDotNet.Attributes;
using Spectra.Media.Mp4;

namespace Spectra.Bench.Media;

/// <summary>Box parsing: the init segment once per generation, a moof per fragment.</summary>
[MemoryDiagnoser]
public class Mp4ParsingBenchmarks
{
    private byte[] _file = [];
    private int _initLength;
    private (int Offset, int Length)[] _moofs = [];
    private Mp4MovieInfo _movie = null!;

    [GlobalSetup]
    public void Setup()
    {
        _file = BenchData.ReadGolden();
        var moofs = new List<(int, int)>();
        foreach (var box in Mp4BoxReader.ReadChildren(_file, 0, depth: 0))
        {
            if (box.Type == Mp4BoxType.Moof)
            {
                moofs.Add(((int)box.Offset, (int)box.Header.Size));
            }
            else if (box.Type == Mp4BoxType.Moov)
            {
                _initLength = (int)(box.Offset + box.Header.Size);
            }
        }

        _moofs = [.. moofs];
        _movie = Mp4InitSegmentParser.Parse(_file.AsSpan(0, _initLength));
    }

    [Benchmark(Description = "init segment (ftyp+moov, 2 tracks)")]
    public object ParseInit() => Mp4InitSegmentParser.Parse(_file.AsSpan(0, _initLength));

    [Benchmark(Description = "moof (video+audio traf)", OperationsPerInvoke = 17)]
    public int ParseFragments()
    {
        var samples = 0;
        foreach (var (offset, length) in _moofs)
        {
            samples += Mp4FragmentParser.Parse(_file.AsSpan(offset, length), offset, _movie).Tracks.Count;
        }

        return samples;
    }

    [Benchmark(Description = "walk all top-level box headers of the file")]
    public int WalkTopLevel()
    {
        var count = 0;
        foreach (var box in Mp4BoxReader.ReadChildren(_file, 0, depth: 0))
        {
            count += box.Payload.Length > 0 ? 1 : 0;
        }

        return count;
    }
}
