using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Spectra.Data;
using Spectra.Data.Entities.Accounts;
using Spectra.Data.Entities.Channels;
using Spectra.Server.Channels;
using Spectra.Server.Infrastructure;

namespace Spectra.Server.Accounts;

/// <summary>Sign-up, sign-in with lockout, password changes and the admin role.</summary>
internal sealed partial class AccountService(
    SpectraDbContext db,
    IPasswordHasher<User> hasher,
    StreamKeyService streamKeys,
    SignInThrottle throttle,
    IOptions<AccountOptions> options,
    TimeProvider time,
    ILogger<AccountService> logger)
{
    public const string SecurityStampClaim = "spectra:stamp";

    // Verified against when the user does not exist, so that unknown names cost the same time as
    // wrong passwords and cannot be told apart by timing.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<User>().HashPassword(new User(), "not-a-real-password"));

    /// <summary>Creates a user and their channel. The first user of a site becomes its admin.</summary>
    public async Task<OperationResult<User>> CreateUserAsync(string? userName, string? password, bool isAdmin = false, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (UserNameRules.Validate(userName) is { } nameError)
        {
            errors["UserName"] = [nameError];
        }

        if (PasswordRules.Validate(password) is { } passwordError)
        {
            errors["Password"] = [passwordError];
        }

        if (errors.Count > 0)
        {
            return OperationResult<User>.Failure(errors);
        }

        var normalized = UserNameRules.Normalize(userName!);
        if (await db.Users.AnyAsync(u => u.NormalizedUserName == normalized, cancellationToken))
        {
            return OperationResult<User>.Failure("UserName", "This user name is taken.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var user = new User
        {
            Id = Guid.NewGuid(),
            UserName = userName!,
            NormalizedUserName = normalized,
            SecurityStamp = NewStamp(),
            CreatedAt = now,
            IsAdmin = isAdmin || !await db.Users.AnyAsync(cancellationToken),
        };
        user.PasswordHash = hasher.HashPassword(user, password!);
        var channel = new Channel
        {
            Id = Guid.NewGuid(),
            OwnerId = user.Id,
            Owner = user,
            Title = $"{user.UserName}'s channel",
            CreatedAt = now,
            UpdatedAt = now,
        };
        await streamKeys.AssignNewKeyAsync(channel, cancellationToken);
        db.Users.Add(user);
        db.Channels.Add(channel);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Lost a race with another sign-up for the same name (unique index on NormalizedUserName).
            db.ChangeTracker.Clear();
            return OperationResult<User>.Failure("UserName", "This user name is taken.");
        }

        LogUserCreated(logger, user.UserName, user.IsAdmin);
        return OperationResult<User>.Success(user);
    }

    public async Task<SignInOutcome> SignInAsync(string? userName, string? password, IPAddress? remoteAddress, CancellationToken cancellationToken = default)
    {
        // Both limits are reserved before the slow password hash and only given back on success, so
        // parallel guesses can never be checked more often than the limits allow.
        if (throttle.TryReserve(remoteAddress, out var wait) is not { } addressAttempt)
        {
            LogAddressThrottled(logger, remoteAddress?.ToString() ?? "?");
            return new SignInOutcome(SignInStatus.AddressThrottled, RetryAfter: wait);
        }

        var normalized = UserNameRules.Normalize(userName ?? "");
        var user = string.IsNullOrEmpty(userName) || userName.Length > UserNameRules.MaxLength
            ? null
            : await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var max = options.Value.MaxFailedSignIns;

        if (user is not null)
        {
            // Atomic on both databases (a single conditional UPDATE): at most MaxFailedSignIns attempts
            // hold a reservation between two lockouts.
            var reserved = await db.Users
                .Where(u => u.Id == user.Id && u.AccessFailedCount < max && (u.LockoutEnd == null || u.LockoutEnd <= now))
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, u => u.AccessFailedCount + 1), cancellationToken);
            if (reserved == 0)
            {
                var lockoutEnd = await db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync(cancellationToken);
                return new SignInOutcome(SignInStatus.AccountLocked, RetryAfter: lockoutEnd is { } end && end > now ? end - now : options.Value.LockoutDuration);
            }
        }

        var verified = user is null
            ? VerifyDummy(password)
            : hasher.VerifyHashedPassword(user, user.PasswordHash, password ?? "");

        if (user is null || verified == PasswordVerificationResult.Failed)
        {
            if (user is not null)
            {
                var locked = await db.Users
                    .Where(u => u.Id == user.Id && u.AccessFailedCount >= max)
                    .ExecuteUpdateAsync(
                        s => s.SetProperty(u => u.AccessFailedCount, 0).SetProperty(u => u.LockoutEnd, now + options.Value.LockoutDuration),
                        cancellationToken);
                if (locked > 0)
                {
                    LogAccountLocked(logger, user.UserName);
                }
            }

            LogSignInFailed(logger, userName ?? "", remoteAddress?.ToString() ?? "?");
            return new SignInOutcome(SignInStatus.InvalidCredentials);
        }

        throttle.Release(addressAttempt);
        var passwordHash = verified == PasswordVerificationResult.SuccessRehashNeeded ? hasher.HashPassword(user, password!) : user.PasswordHash;
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(
            s => s.SetProperty(u => u.AccessFailedCount, 0).SetProperty(u => u.LockoutEnd, (DateTime?)null).SetProperty(u => u.PasswordHash, passwordHash),
            cancellationToken);
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        user.PasswordHash = passwordHash;
        return new SignInOutcome(SignInStatus.Succeeded, user);
    }

    public async Task<OperationResult<User>> ChangePasswordAsync(Guid userId, string? currentPassword, string? newPassword, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return OperationResult<User>.Failure("", "Account not found.");
        }

        if (hasher.VerifyHashedPassword(user, user.PasswordHash, currentPassword ?? "") == PasswordVerificationResult.Failed)
        {
            return OperationResult<User>.Failure("CurrentPassword", "The current password is wrong.");
        }

        if (PasswordRules.Validate(newPassword) is { } error)
        {
            return OperationResult<User>.Failure("NewPassword", error);
        }

        user.PasswordHash = hasher.HashPassword(user, newPassword!);
        user.SecurityStamp = NewStamp();
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult<User>.Success(user);
    }

    public async Task<User?> FindByNameAsync(string userName, CancellationToken cancellationToken = default)
    {
        var normalized = UserNameRules.Normalize(userName);
        return await db.Users.SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);
    }

    public async Task<bool> SetAdminAsync(string userName, bool isAdmin, CancellationToken cancellationToken = default)
    {
        var user = await FindByNameAsync(userName, cancellationToken);
        if (user is null)
        {
            return false;
        }

        user.IsAdmin = isAdmin;
        user.SecurityStamp = NewStamp();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public static ClaimsPrincipal CreatePrincipal(User user, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Name, user.UserName),
            new(SecurityStampClaim, user.SecurityStamp),
        };
        if (user.IsAdmin)
        {
            claims.Add(new Claim(ClaimTypes.Role, ClaimsPrincipalExtensions.AdminRole));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType));
    }

    private PasswordVerificationResult VerifyDummy(string? password)
    {
        hasher.VerifyHashedPassword(new User(), DummyHash.Value, password ?? "");
        return PasswordVerificationResult.Failed;
    }

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "User {UserName} created (admin: {IsAdmin})")]
    private static partial void LogUserCreated(ILogger logger, string userName, bool isAdmin);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Failed sign-in for {UserName} from {Address}")]
    private static partial void LogSignInFailed(ILogger logger, string userName, string address);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Account {UserName} locked after repeated failed sign-ins")]
    private static partial void LogAccountLocked(ILogger logger, string userName);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Sign-in refused: too many failures from {Address}")]
    private static partial void LogAddressThrottled(ILogger logger, string address);
}
