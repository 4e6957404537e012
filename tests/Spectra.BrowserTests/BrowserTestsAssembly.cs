// Browser tests run one at a time: each starts a server, a Chromium and often an ffmpeg publisher,
// and the live playback tests assert that playback never stalls, which two tests sharing the
// reference machine's two cores cannot promise.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
