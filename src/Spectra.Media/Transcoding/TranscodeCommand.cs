namespace Spectra.Media.Transcoding;

/// <summary>Composes the argument builders into one ffmpeg command line for a plan.</summary>
internal static class TranscodeCommand
{
    /// <param name="outputUrls">One output URL per rendition of <paramref name="plan"/>, same order.</param>
    /// <param name="fragmentDuration">fMP4 fragment (LL-HLS part) duration, <see cref="Packaging.PackagerOptions.PartTargetDuration"/>.</param>
    public static IReadOnlyList<string> Build(LadderPlan plan, LadderOptions options, IReadOnlyList<string> outputUrls, TimeSpan fragmentDuration)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(outputUrls);
        if (!plan.CanTranscode)
        {
            throw new ArgumentException("The plan has no renditions.", nameof(plan));
        }

        if (outputUrls.Count != plan.Renditions.Count)
        {
            throw new ArgumentException($"Expected {plan.Renditions.Count} output URLs; got {outputUrls.Count}.", nameof(outputUrls));
        }

        var arguments = new List<string>(64 + (32 * plan.Renditions.Count));
        FfmpegInputArguments.AppendTo(arguments);
        string? graph = FfmpegFilterGraph.Build(plan, options);
        if (graph is not null)
        {
            arguments.AddRange(["-filter_complex", graph]);
        }

        for (int i = 0; i < plan.Renditions.Count; i++)
        {
            var rendition = plan.Renditions[i];
            if (!plan.IncludesVideo)
            {
                arguments.Add("-vn");
            }
            else if (rendition.IsPassthrough)
            {
                FfmpegVideoArguments.AppendPassthrough(arguments);
            }
            else
            {
                FfmpegVideoArguments.AppendEncoded(arguments, i, rendition, plan, options);
            }

            FfmpegAudioArguments.AppendTo(arguments, rendition, plan);
            FfmpegOutputArguments.AppendFragmentedMp4(arguments, outputUrls[i], fragmentDuration);
        }

        if (plan.IncludesVideo && options.ThumbnailIntervalSeconds > 0)
        {
            FfmpegOutputArguments.AppendThumbnails(arguments);
        }

        return arguments;
    }
}
