using Spectra.Media.Recording;

namespace Spectra.Server.Videos.Internal;

/// <summary>One rendition of a loaded recording: its media playlist and the segments and init segments it may serve.</summary>
internal sealed record VodRenditionEntry(RecordedRendition Rendition, byte[] Playlist, HashSet<long> Sequences, HashSet<string> InitKeys);
