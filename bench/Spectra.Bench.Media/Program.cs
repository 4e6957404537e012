using BenchmarkDotNet.Running;
using Spectra.Bench.Media;

// "origin <fmp4-file> <port> <export-dir>" runs the load-test origin (see bench/hls-origin-load.sh);
// anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "origin")
{
    return await OriginLoadHost.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(OriginLoadHost).Assembly).Run(args);
return 0;
