namespace Spectra.Server.Community.Search;

/// <summary>
/// One row of the channel search index. <see cref="Key"/> is a one-letter kind, a colon and the text:
/// "n:" whole compact name, "m:" prefix of the compact name, "w:" whole word, "p:" word prefix.
/// Every lookup is an equality on an indexed column, so SQLite and PostgreSQL answer it the same way
/// regardless of collation.
/// </summary>
internal readonly record struct SearchKey(string Key, SearchField Field);
