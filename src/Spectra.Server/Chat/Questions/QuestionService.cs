using Microsoft.EntityFrameworkCore;
using Spectra.Data;
using Spectra.Data.Entities.Chat;
using Spectra.Server.Chat.Internal.State;
using Spectra.Server.Chat.Internal.Text;
using Spectra.Server.Events;

namespace Spectra.Server.Chat.Questions;

/// <summary>Q&amp;A: viewers ask, others upvote (once each), the owner or a moderator answers, pins or dismisses.</summary>
internal sealed class QuestionService(SpectraDbContext db, IEventBus bus, IChatSessionResolver sessions, TimeProvider time)
{
    public const int MaxLength = 300;

    /// <summary>The channel's questions for display: pinned first, then open by upvotes, then answered; at most 50.</summary>
    public async Task<List<QuestionDto>> ListAsync(Guid channelId)
    {
        var rows = await db.ChatQuestions.AsNoTracking()
            .Where(q => q.ChannelId == channelId && !q.IsDismissed)
            .OrderByDescending(q => q.IsPinned)
            .ThenBy(q => q.AnsweredAt != null)
            .ThenByDescending(q => q.Upvotes)
            .ThenBy(q => q.CreatedAt)
            .Take(50)
            .ToListAsync();
        return [.. rows.Select(ToDto)];
    }

    public async Task<QuestionDto> AskAsync(ChatActor actor, ChannelChatState channel, string? text)
    {
        var clean = MessageFormatter.Clean(text ?? "");
        var length = MessageFormatter.CountRunes(clean);
        if (length is 0 or > MaxLength)
        {
            throw new ChatDeniedException($"A question has 1 to {MaxLength} characters.");
        }

        if (!channel.CanModerate(actor) && channel.Terms.Match(clean) is not null)
        {
            throw new ChatDeniedException("Your question contains a term that is not allowed in this chat.");
        }

        var question = new ChatQuestion
        {
            Id = Guid.NewGuid(),
            ChannelId = channel.ChannelId,
            StreamSessionId = await sessions.GetLiveSessionAsync(channel.ChannelId, CancellationToken.None),
            AuthorId = actor.UserId,
            AuthorName = actor.UserName,
            Text = clean,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.ChatQuestions.Add(question);
        await db.SaveChangesAsync();
        return await PublishAsync(question);
    }

    public async Task<QuestionDto> UpvoteAsync(ChatActor actor, ChannelChatState channel, Guid questionId)
    {
        var question = await FindAsync(channel, questionId);
        if (question.AnsweredAt is not null)
        {
            throw new ChatDeniedException("That question has been answered.");
        }

        if (await db.ChatQuestionVotes.AnyAsync(v => v.QuestionId == questionId && v.UserId == actor.UserId))
        {
            return ToDto(question);
        }

        db.ChatQuestionVotes.Add(new ChatQuestionVote { QuestionId = questionId, UserId = actor.UserId });
        await db.SaveChangesAsync();
        await db.ChatQuestions.Where(q => q.Id == questionId).ExecuteUpdateAsync(s => s.SetProperty(q => q.Upvotes, q => q.Upvotes + 1));
        await db.Entry(question).ReloadAsync();
        return await PublishAsync(question);
    }

    public async Task<QuestionDto> MarkAsync(ChatActor actor, ChannelChatState channel, Guid questionId, string? mark)
    {
        ChatService.RequireModerator(actor, channel);
        var question = await FindAsync(channel, questionId);
        switch (mark)
        {
            case "answered":
                question.AnsweredAt ??= time.GetUtcNow().UtcDateTime;
                question.IsPinned = false;
                break;
            case "pinned":
                question.IsPinned = true;
                break;
            case "unpinned":
                question.IsPinned = false;
                break;
            case "dismissed":
                question.IsDismissed = true;
                question.IsPinned = false;
                break;
            default:
                throw new ChatDeniedException("Mark a question as answered, pinned, unpinned or dismissed.");
        }

        db.ModerationLog.Add(new ModerationLogEntry
        {
            Id = Guid.NewGuid(),
            ChannelId = channel.ChannelId,
            ActorId = actor.UserId,
            ActorName = actor.UserName,
            Action = ModerationActions.MarkQuestion,
            TargetUserId = question.AuthorId,
            TargetName = question.AuthorName,
            Details = $"{mark}: {question.Text}",
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
        return await PublishAsync(question);
    }

    private async Task<ChatQuestion> FindAsync(ChannelChatState channel, Guid questionId) =>
        await db.ChatQuestions.FirstOrDefaultAsync(q => q.Id == questionId && q.ChannelId == channel.ChannelId && !q.IsDismissed)
        ?? throw new ChatDeniedException("There is no such question.");

    private async Task<QuestionDto> PublishAsync(ChatQuestion question)
    {
        var dto = ToDto(question);
        await bus.PublishAsync(new QuestionChanged(question.ChannelId, dto));
        return dto;
    }

    private static QuestionDto ToDto(ChatQuestion q) =>
        new(q.Id, q.AuthorId, q.AuthorName, q.Text, q.Upvotes, q.IsPinned,
            q.IsDismissed ? "dismissed" : q.AnsweredAt is not null ? "answered" : "open",
            DateTime.SpecifyKind(q.CreatedAt, DateTimeKind.Utc));
}
