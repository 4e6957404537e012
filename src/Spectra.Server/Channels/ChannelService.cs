using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Data.Entities.Channels;
using Spectra.Server.Accounts;
using Spectra.Server.Infrastructure;

namespace Spectra.Server.Channels;

/// <summary>Reads channels and applies validated updates (all fields checked before anything is saved).</summary>
internal sealed class ChannelService(SpectraDbContext db, TimeProvider time)
{
    public Task<Channel?> FindByOwnerNameAsync(string userName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userName);
        if (userName.Length > UserNameRules.MaxLength)
        {
            return Task.FromResult<Channel?>(null);
        }

        var normalized = UserNameRules.Normalize(userName);
        return db.Channels
            .Include(c => c.Owner)
            .Include(c => c.Category)
            .Include(c => c.Tags)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Owner.NormalizedUserName == normalized, cancellationToken);
    }

    public Task<Channel?> FindByOwnerIdAsync(Guid ownerId, CancellationToken cancellationToken = default) =>
        db.Channels
            .Include(c => c.Owner)
            .Include(c => c.Category)
            .Include(c => c.Tags)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.OwnerId == ownerId, cancellationToken);

    public Task<List<Category>> GetCategoriesAsync(CancellationToken cancellationToken = default) =>
        db.Categories.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);

    public Task<Category?> FindCategoryAsync(string slug, CancellationToken cancellationToken = default) =>
        db.Categories.AsNoTracking().SingleOrDefaultAsync(c => c.Slug == slug, cancellationToken);

    /// <summary>Channels of a category, most recently updated first, with paging (page from 1, size 1–100).</summary>
    public Task<List<Channel>> ListAsync(int? categoryId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var query = db.Channels.AsNoTracking().Include(c => c.Owner).Include(c => c.Category).Include(c => c.Tags).AsSplitQuery();
        if (categoryId is { } id)
        {
            query = query.Where(c => c.CategoryId == id);
        }

        return query
            .OrderByDescending(c => c.UpdatedAt)
            .ThenBy(c => c.Id)
            .Skip(Paging.Offset(page, Math.Clamp(pageSize, 1, 100)))
            .Take(Math.Clamp(pageSize, 1, 100))
            .ToListAsync(cancellationToken);
    }

    public async Task<OperationResult<Channel>> UpdateAsync(Channel channel, ChannelUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(update);
        var errors = new Dictionary<string, string[]>();

        string? title = null;
        if (update.Title is not null)
        {
            title = update.Title.Trim();
            if (title.Length == 0)
            {
                errors["Title"] = ["Enter a title."];
            }
            else if (title.Length > Channel.TitleMaxLength)
            {
                errors["Title"] = [$"Titles are at most {Channel.TitleMaxLength} characters."];
            }
        }

        string? description = null;
        if (update.Description is not null)
        {
            description = update.Description.Trim();
            if (description.Length > Channel.DescriptionMaxLength)
            {
                errors["Description"] = [$"Descriptions are at most {Channel.DescriptionMaxLength} characters."];
            }
        }

        Category? category = null;
        var clearCategory = false;
        if (update.CategorySlug is not null)
        {
            if (update.CategorySlug.Length == 0)
            {
                clearCategory = true;
            }
            else
            {
                category = await FindCategoryAsync(update.CategorySlug, cancellationToken);
                if (category is null)
                {
                    errors["Category"] = ["Unknown category."];
                }
            }
        }

        List<string>? tags = null;
        if (update.Tags is not null)
        {
            var result = TagRules.Normalize(update.Tags);
            if (result.Error is not null)
            {
                errors["Tags"] = [result.Error];
            }

            tags = result.Tags;
        }

        if (errors.Count > 0)
        {
            return OperationResult<Channel>.Failure(errors);
        }

        if (title is not null)
        {
            channel.Title = title;
        }

        if (description is not null)
        {
            channel.Description = description;
        }

        if (category is not null)
        {
            channel.CategoryId = category.Id;
        }
        else if (clearCategory)
        {
            channel.CategoryId = null;
        }

        if (tags is not null)
        {
            db.ChannelTags.RemoveRange(channel.Tags.Where(t => !tags.Contains(t.Tag)));
            foreach (var tag in tags.Where(t => !channel.Tags.Any(existing => existing.Tag == t)))
            {
                db.ChannelTags.Add(new ChannelTag { ChannelId = channel.Id, Tag = tag });
            }
        }

        channel.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await db.Entry(channel).Reference(c => c.Category).LoadAsync(cancellationToken);
        await db.Entry(channel).Collection(c => c.Tags).LoadAsync(cancellationToken);
        return OperationResult<Channel>.Success(channel);
    }
}
