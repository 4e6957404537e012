using Spectra.Server.Chat.Contracts;

namespace Spectra.Server.Chat.Events;

internal sealed record ChatSettingsChanged(Guid ChannelId, ChatSettingsDto Settings);
