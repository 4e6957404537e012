using Microsoft.EntityFrameworkCore;
using Spectra.Data.Entities.Chat;

namespace Spectra.Data;

public partial class SpectraDbContext
{
    public DbSet<ChatSettings> ChatSettings => Set<ChatSettings>();

    public DbSet<ChatMessage> ChatMessages => Set<ChatMessage>();

    public DbSet<ChatModerator> ChatModerators => Set<ChatModerator>();

    public DbSet<ChatBan> ChatBans => Set<ChatBan>();

    public DbSet<ChatBlockedTerm> ChatBlockedTerms => Set<ChatBlockedTerm>();

    public DbSet<ChatReport> ChatReports => Set<ChatReport>();

    public DbSet<UserBlock> UserBlocks => Set<UserBlock>();

    public DbSet<ModerationLogEntry> ModerationLog => Set<ModerationLogEntry>();

    public DbSet<ReactionTotal> ReactionTotals => Set<ReactionTotal>();

    public DbSet<Poll> Polls => Set<Poll>();

    public DbSet<PollVote> PollVotes => Set<PollVote>();

    public DbSet<ChatQuestion> ChatQuestions => Set<ChatQuestion>();

    public DbSet<ChatQuestionVote> ChatQuestionVotes => Set<ChatQuestionVote>();

    public DbSet<ChatSessionStats> ChatSessionStats => Set<ChatSessionStats>();
}
