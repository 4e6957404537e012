using Spectra.Server.Chat.Contracts;

namespace Spectra.Server.Chat.Events;

public sealed record ChatSettingsChanged(Guid ChannelId, ChatSettingsDto Settings);
