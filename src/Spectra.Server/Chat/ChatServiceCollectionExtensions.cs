using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Spectra.Server.Chat.Internal.Hubs;
using Spectra.Server.Chat.Internal.Limits;
using Spectra.Server.Chat.Internal.Publishing;
using Spectra.Server.Chat.Internal.State;
using Spectra.Server.Chat.Polls;
using Spectra.Server.Chat.Presence;
using Spectra.Server.Chat.Questions;
using Spectra.Server.Chat.Reactions;
using Spectra.Server.Infrastructure;

namespace Spectra.Server.Chat;

internal static class ChatServiceCollectionExtensions
{
    /// <summary>Chat, moderation, reactions, polls, Q&amp;A, presence and the overlay (SignalR hub at /hubs/chat).</summary>
    public static IHostApplicationBuilder AddSpectraChat(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ChatOptions>().BindConfiguration(ChatOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSignalR(o =>
        {
            // Frames past this size close the connection (hub protocol: the server may close on
            // messages it cannot accept); 16 KiB holds the longest legal message many times over.
            o.MaximumReceiveMessageSize = 16 * 1024;
            o.AddFilter<ChatHubFilter>();
        });
        services.AddOptions<HubOptions<ChatHub>>().Configure<Microsoft.Extensions.Options.IOptions<ChatOptions>>((hub, chat) =>
            hub.MaximumReceiveMessageSize = chat.Value.MaxFrameBytes);

        // SignalR logs every exception a hub method throws at Error, including the HubExceptions
        // that carry expected refusals ("sign in to chat"). ChatHubFilter sees every invocation
        // first and logs refusals at Information and real failures at Error itself.
        builder.Logging.AddFilter("Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher", LogLevel.Critical);

        services.AddSingleton<KeyedRateLimiter>();
        services.AddSingleton<ChatHubFilter>();
        services.AddSingleton<ChatStateStore>();
        services.AddSingleton<ChatMessageWriter>();
        services.AddSingleton<PresenceTracker>();
        services.AddSingleton<ChatAudience>();
        services.AddSingleton<ReactionAggregator>();
        services.TryAddSingleton<IChatSessionResolver, StreamSessionChatResolver>();
        services.AddScoped<ChatService>();
        services.AddScoped<Community.IChatActivity, ChatActivity>();
        services.AddScoped<QuestionService>();
        services.AddScoped<OverlayService>();

        services.AddHostedService<ChatFanOut>();
        services.AddHostedSingleton<PollService>();
        services.AddHostedSingleton<ReactionService>();
        services.AddHostedService<PresenceService>();
        services.AddHostedService<ChatMaintenanceService>();
        return builder;
    }
}
