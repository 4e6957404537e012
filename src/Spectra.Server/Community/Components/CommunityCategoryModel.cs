using Spectra.Server.Community.Discovery;

namespace Spectra.Server.Community.Components;

internal sealed record CommunityCategoryModel(string Slug, string Name, string Tag, IReadOnlyList<ChannelCard> Live, IReadOnlyList<string> Tags);
