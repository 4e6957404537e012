using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Data.Entities.Chat;

namespace Spectra.Server.Chat.Pages;

/// <summary>Held messages, reported messages, bans and the moderation log of a channel.</summary>
internal sealed class ChatModerationModel : ChatDashboardModel
{
    public IReadOnlyList<ChatMessage> Held { get; private set; } = [];

    public IReadOnlyList<ReportView> Reports { get; private set; } = [];

    public IReadOnlyList<BanView> Bans { get; private set; } = [];

    public IReadOnlyList<ModerationLogEntry> Log { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? channel)
    {
        if (await LoadAsync(channel) is { } denied)
        {
            return denied;
        }

        var db = HttpContext.RequestServices.GetRequiredService<SpectraDbContext>();
        var channelId = State.ChannelId;
        Held = await db.ChatMessages.AsNoTracking()
            .Where(m => m.ChannelId == channelId && m.State == ChatMessageState.Held)
            .OrderBy(m => m.CreatedAt).Take(100).ToListAsync();
        Reports = await (from r in db.ChatReports.AsNoTracking()
                         join m in db.ChatMessages.AsNoTracking() on r.MessageId equals m.Id
                         join u in db.Users.AsNoTracking() on r.ReporterId equals u.Id
                         where r.ChannelId == channelId && r.ResolvedAt == null
                         orderby r.CreatedAt
                         select new ReportView(r.Id, m.SenderName, m.Text, u.UserName, r.Reason, r.CreatedAt))
            .Take(100).ToListAsync();
        var now = DateTime.UtcNow;
        Bans = await (from b in db.ChatBans.AsNoTracking()
                      join u in db.Users.AsNoTracking() on b.UserId equals u.Id
                      where b.ChannelId == channelId && (b.ExpiresAt == null || b.ExpiresAt > now)
                      orderby b.CreatedAt descending
                      select new BanView(u.UserName, b.ExpiresAt, b.Reason))
            .Take(200).ToListAsync();
        Log = await Chat.GetLogAsync(Actor, State, 100);
        return Page();
    }

    public Task<IActionResult> OnPostReviewAsync(string? channel, Guid messageId, bool approve) =>
        ChangeAsync(channel, async () =>
        {
            await Chat.ReviewHeldAsync(Actor, State, messageId, approve);
            return approve ? "Message published." : "Message rejected.";
        });

    public Task<IActionResult> OnPostResolveAsync(string? channel, Guid reportId, bool delete) =>
        ChangeAsync(channel, async () =>
        {
            await Chat.ResolveReportAsync(Actor, State, reportId, delete);
            return delete ? "Message deleted." : "Report dismissed.";
        });

    public Task<IActionResult> OnPostUnbanAsync(string? channel, string? userName) =>
        ChangeAsync(channel, async () =>
        {
            await Chat.UnbanAsync(Actor, State, userName);
            return $"{userName} can chat again.";
        });

    public sealed record ReportView(Guid Id, string SenderName, string Text, string ReporterName, string? Reason, DateTime CreatedAt);

    public sealed record BanView(string UserName, DateTime? ExpiresAt, string? Reason);
}
