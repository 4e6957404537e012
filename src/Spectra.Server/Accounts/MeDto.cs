namespace Spectra.Server.Accounts;

public sealed record MeDto(Guid Id, string UserName, bool IsAdmin, DateTime CreatedAt, string ChannelUrl);
