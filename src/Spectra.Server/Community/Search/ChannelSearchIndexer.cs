using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Data.Entities.Channels;
using Spectra.Data.Entities.Community;
using Spectra.Server.Community.Internal;

namespace Spectra.Server.Community.Search;

/// <summary>
/// Maintains the search tables. A channel is stale when it has no indexed copy or its UpdatedAt
/// differs from the copy's SourceUpdatedAt (renames, title, category and tag edits bump UpdatedAt);
/// keys of deleted channels go with them (foreign key cascade). Two ways to find stale channels:
/// <see cref="ReconcilePageAsync"/> walks the whole catalogue in primary-key order (start-up, initial
/// build of an existing catalogue, periodic safety net); <see cref="CatchUpSinceAsync"/> looks only at
/// channels updated since a watermark (an index range on Channels.UpdatedAt), so an idle pass costs
/// two index seeks instead of a scan. Live state is not indexed (search reads it from
/// <see cref="ILiveChannelDirectory"/> per query), so going live or offline needs no re-index.
/// Inserts skip rows another node wrote concurrently for the same channel (ON CONFLICT DO NOTHING),
/// so overlapping passes are harmless.
/// </summary>
internal sealed class ChannelSearchIndexer(SpectraDbContext db)
{
    /// <summary>Channels examined per reconcile page and re-indexed per statement batch.</summary>
    public const int BatchSize = 2000;

    /// <summary>The newest Channels.UpdatedAt, or null for an empty catalogue (one index seek).</summary>
    public Task<DateTime?> LatestUpdateAsync(CancellationToken ct) =>
        db.Set<Channel>().AsNoTracking().MaxAsync(c => (DateTime?)c.UpdatedAt, ct);

    /// <summary>
    /// Examines up to <see cref="BatchSize"/> channels after <paramref name="after"/> in key order and
    /// re-indexes the stale ones. Returns the last key examined (null at the end) and how many were indexed.
    /// </summary>
    public async Task<(Guid? Last, int Indexed)> ReconcilePageAsync(Guid? after, CancellationToken ct)
    {
        var channels = db.Set<Channel>().AsNoTracking();
        if (after is Guid a)
        {
            channels = channels.Where(c => c.Id.CompareTo(a) > 0);
        }

        var page = await (from c in channels
                          join d in db.Set<ChannelSearchDocument>() on c.Id equals d.ChannelId into docs
                          from d in docs.DefaultIfEmpty()
                          orderby c.Id
                          select new { c.Id, Stale = d == null || d.SourceUpdatedAt != c.UpdatedAt })
                         .Take(BatchSize).ToListAsync(ct);
        var stale = page.Where(p => p.Stale).Select(p => p.Id).ToList();
        if (stale.Count > 0)
        {
            await ReindexAsync(stale, ct);
        }

        // The database's key order (not Guid.CompareTo's) decides what "after" means: take its last row.
        return (page.Count < BatchSize ? null : page[^1].Id, stale.Count);
    }

    /// <summary>Re-indexes up to <see cref="BatchSize"/> stale channels with UpdatedAt ≥ <paramref name="since"/>; returns how many.</summary>
    public async Task<int> CatchUpSinceAsync(DateTime since, CancellationToken ct)
    {
        var stale = await (from c in db.Set<Channel>().AsNoTracking()
                           where c.UpdatedAt >= since
                           join d in db.Set<ChannelSearchDocument>() on c.Id equals d.ChannelId into docs
                           from d in docs.DefaultIfEmpty()
                           where d == null || d.SourceUpdatedAt != c.UpdatedAt
                           orderby c.UpdatedAt
                           select c.Id).Take(BatchSize).ToListAsync(ct);
        if (stale.Count > 0)
        {
            await ReindexAsync(stale, ct);
        }

        return stale.Count;
    }

    public async Task ReindexAsync(IReadOnlyCollection<Guid> channelIds, CancellationToken ct)
    {
        var ids = channelIds.ToArray();
        var channels = await db.Set<Channel>().AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Select(c => new
            {
                c.Id,
                c.Owner.UserName,
                c.Title,
                Category = c.Category == null ? null : c.Category.Name,
                Tags = c.Tags.Select(t => t.Tag).ToList(),
                c.UpdatedAt,
            })
            .ToListAsync(ct);

        var keyRows = new List<object?[]>();
        var documentRows = new List<object?[]>();
        var vocabulary = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in channels)
        {
            foreach (var key in SearchKeys.ForChannel(c.UserName, c.Title, c.Category, c.Tags))
            {
                keyRows.Add([key.Key, c.Id, (byte)key.Field]);
            }

            vocabulary.UnionWith(SearchKeys.Vocabulary(c.UserName, c.Title, c.Category, c.Tags));
            documentRows.Add([c.Id, c.UserName, Cut(c.Title, 200), c.Category, c.UpdatedAt]);
        }

        // In key order the inserts walk the primary-key B-tree once instead of hopping across it.
        keyRows.Sort(static (a, b) => string.CompareOrdinal((string)a[0]!, (string)b[0]!));
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Set<ChannelSearchKey>().Where(k => ids.Contains(k.ChannelId)).ExecuteDeleteAsync(ct);
            await db.Set<ChannelSearchDocument>().Where(d => ids.Contains(d.ChannelId)).ExecuteDeleteAsync(ct);
            await BulkInsert.InsertAsync(db, "ChannelSearchKeys", ["Key", "ChannelId", "Field"], keyRows, "ON CONFLICT DO NOTHING", ct);
            await BulkInsert.InsertAsync(db, "ChannelSearchDocuments", ["ChannelId", "Name", "Title", "Category", "SourceUpdatedAt"], documentRows, "ON CONFLICT DO NOTHING", ct);
            await AddVocabularyAsync(vocabulary, ct);
            await tx.CommitAsync(ct);
        });
    }

    /// <summary>
    /// Adds the trigrams of every word of 4+ characters. Words already known conflict on the primary
    /// key and are skipped by the database: cheaper than asking which words are known first (a page
    /// of 2 000 channels brings ~2 000 new names and only ~100 words seen before), and two writers
    /// adding the same word concurrently are harmless.
    /// </summary>
    private async Task AddVocabularyAsync(HashSet<string> words, CancellationToken ct)
    {
        var rows = new List<object?[]>();
        foreach (var word in words)
        {
            if (word.Length < 4)
            {
                continue;
            }

            foreach (var gram in SearchText.Trigrams(word))
            {
                rows.Add([gram, word, word.Length]);
            }
        }

        rows.Sort(static (a, b) =>
        {
            var byGram = string.CompareOrdinal((string)a[0]!, (string)b[0]!);
            return byGram != 0 ? byGram : string.CompareOrdinal((string)a[1]!, (string)b[1]!);
        });
        await BulkInsert.InsertAsync(db, "SearchTermTrigrams", ["Trigram", "Term", "TermLength"], rows, "ON CONFLICT DO NOTHING", ct);
    }

    private static string Cut(string value, int max) => value.Length > max ? value[..max] : value;
}
