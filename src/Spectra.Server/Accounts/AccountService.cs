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

/// <summary>Sign-up under the site's policy, sign-in with back-off, password changes, approval and the admin role.</summary>
internal sealed partial class AccountService(
    SpectraDbContext db,
    IPasswordHasher<User> hasher,
    StreamKeyService streamKeys,
    SignInThrottle throttle,
    AccountConnections connections,
    SignUpInviteService invites,
    IOptions<AccountOptions> options,
    TimeProvider time,
    ILogger<AccountService> logger)
{
    public const string SecurityStampClaim = "spectra:stamp";

    /// <summary>Claim holding the server-side session id of a cookie sign-in (<see cref="UserSessionService"/>).</summary>
    public const string SessionClaim = "spectra:sid";

    // Verified against when the user does not exist, so that unknown names cost the same time as
    // wrong passwords and cannot be told apart by timing.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<User>().HashPassword(new User(), "not-a-real-password"));

    /// <summary>
    /// Sign-up from the page under <see cref="AccountOptions.SignUp"/>: Open creates the account,
    /// Approval creates it pending, InviteOnly needs an invite code, Closed refuses. A valid code works
    /// under every policy; the set-up code also makes the account a site admin.
    /// </summary>
    public async Task<OperationResult<User>> SignUpAsync(string? userName, string? password, string? code, CancellationToken cancellationToken = default)
    {
        if (ValidateNew(userName, password) is { } invalid)
        {
            return OperationResult<User>.Failure(invalid);
        }

        var policy = options.Value.SignUp;
        SignUpInvite? invite = null;
        if (!string.IsNullOrWhiteSpace(code))
        {
            invite = await invites.TakeAsync(code, cancellationToken);
            if (invite is null)
            {
                return OperationResult<User>.Failure("Code", "This code is not valid, has expired or was already used.");
            }
        }
        else if (policy == SignUpPolicy.InviteOnly)
        {
            return OperationResult<User>.Failure("Code", "Sign-up on this site needs an invite code; ask an admin for one.");
        }
        else if (policy == SignUpPolicy.Closed)
        {
            return OperationResult<User>.Failure("", "Sign-up is closed on this site; ask an admin for an account.");
        }

        var pending = invite is null && policy == SignUpPolicy.Approval;
        var result = await CreateUserAsync(userName, password, invite?.GrantsAdmin == true, pending, cancellationToken);
        if (invite is not null)
        {
            if (result.Succeeded)
            {
                await invites.RecordUseAsync(invite.Id, result.Value!.Id, cancellationToken);
            }
            else
            {
                await invites.GiveBackAsync(invite.Id, cancellationToken);
            }
        }

        return result;
    }

    /// <summary>Creates a user and their channel (approved unless <paramref name="pendingApproval"/>).</summary>
    public async Task<OperationResult<User>> CreateUserAsync(string? userName, string? password, bool isAdmin = false, bool pendingApproval = false, CancellationToken cancellationToken = default)
    {
        if (ValidateNew(userName, password) is { } invalid)
        {
            return OperationResult<User>.Failure(invalid);
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
            IsAdmin = isAdmin,
            PendingApproval = pendingApproval,
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

        LogUserCreated(logger, user.UserName, user.IsAdmin, user.PendingApproval);
        return OperationResult<User>.Success(user);
    }

    /// <summary>Approves an account created under the Approval policy; false when there is no such user.</summary>
    public async Task<bool> ApproveAsync(string userName, CancellationToken cancellationToken = default)
    {
        var normalized = UserNameRules.Normalize(userName);
        var found = await db.Users.Where(u => u.NormalizedUserName == normalized)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.PendingApproval, false), cancellationToken);
        return found > 0;
    }

    private static Dictionary<string, string[]>? ValidateNew(string? userName, string? password)
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

        return errors.Count > 0 ? errors : null;
    }

    public async Task<SignInOutcome> SignInAsync(string? userName, string? password, IPAddress? remoteAddress, CancellationToken cancellationToken = default)
    {
        // Both allowances are reserved before the slow password hash and only given back on success, so
        // parallel guesses can never be checked more often than the back-offs allow.
        if (throttle.TryReserve(remoteAddress, out var wait) is not { } addressAttempt)
        {
            LogAddressThrottled(logger, remoteAddress?.ToString() ?? "?");
            return new SignInOutcome(SignInStatus.AddressThrottled, RetryAfter: wait);
        }

        var normalized = UserNameRules.Normalize(userName ?? "");
        var user = string.IsNullOrEmpty(userName) || userName.Length > UserNameRules.MaxLength
            ? null
            : await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);

        var (accountWait, failures) = user is null ? (null, 0) : await ReserveAccountAttemptAsync(user, cancellationToken);
        if (accountWait is not null)
        {
            // No password was checked: the attempt does not count against the address.
            throttle.Release(addressAttempt);
            return new SignInOutcome(SignInStatus.AccountLocked, RetryAfter: accountWait);
        }

        var verified = user is null
            ? VerifyDummy(password)
            : hasher.VerifyHashedPassword(user, user.PasswordHash, password ?? "");

        if (user is null || verified == PasswordVerificationResult.Failed)
        {
            throttle.Failed(addressAttempt);
            if (user is not null)
            {
                await StartAccountWaitAsync(user, failures, cancellationToken);
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
        if (user.PendingApproval)
        {
            return new SignInOutcome(SignInStatus.PendingApproval);
        }

        return new SignInOutcome(SignInStatus.Succeeded, user);
    }

    /// <summary>
    /// Counts one attempt on the account before its password is checked (given back by a success).
    /// <see cref="User.AccessFailedCount"/> is the run of failures and <see cref="User.LockoutEnd"/> the
    /// time of the last one plus its back-off. The first MaxFailedSignIns - 1 failures cost nothing; from
    /// then on each failure makes the next attempt wait longer (BackoffBase doubling up to
    /// MaxAccountBackoff), and a run is forgotten IpWindow after its last failure. Returns null when the
    /// attempt may go ahead, else how long to wait. Each step is one conditional UPDATE, so parallel
    /// attempts cannot check more passwords than the back-off allows.
    /// </summary>
    private async Task<(TimeSpan? Wait, int Failures)> ReserveAccountAttemptAsync(User user, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var max = o.MaxFailedSignIns;
        if (user.LockoutEnd is { } next && next > now)
        {
            return (next - now, 0);
        }

        if (user.AccessFailedCount > 0 && user.LockoutEnd is { } last && now - last > o.IpWindow)
        {
            var stale = user.LockoutEnd;
            await db.Users.Where(u => u.Id == user.Id && u.LockoutEnd == stale)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, 0).SetProperty(u => u.LockoutEnd, (DateTime?)null), cancellationToken);
            user.AccessFailedCount = 0;
        }

        int reserved;
        if (user.AccessFailedCount < max)
        {
            // Within the free attempts: any number of parallel attempts increment atomically and the
            // one that reaches the limit starts the back-off.
            var firstWait = now + o.BackoffBase;
            reserved = await db.Users
                .Where(u => u.Id == user.Id && u.AccessFailedCount < max && (u.LockoutEnd == null || u.LockoutEnd <= now))
                .ExecuteUpdateAsync(
                    s => s.SetProperty(u => u.AccessFailedCount, u => u.AccessFailedCount + 1)
                        .SetProperty(u => u.LockoutEnd, u => u.AccessFailedCount + 1 >= max ? (DateTime?)firstWait : (DateTime?)now),
                    cancellationToken);
        }
        else
        {
            // In the back-off: one attempt per wait; the count read above must still hold.
            var count = user.AccessFailedCount;
            var nextAllowed = now + SignInBackoff.After(count + 1, max, o.BackoffBase, o.MaxAccountBackoff);
            reserved = await db.Users
                .Where(u => u.Id == user.Id && u.AccessFailedCount == count && (u.LockoutEnd == null || u.LockoutEnd <= now))
                .ExecuteUpdateAsync(
                    s => s.SetProperty(u => u.AccessFailedCount, count + 1).SetProperty(u => u.LockoutEnd, (DateTime?)nextAllowed),
                    cancellationToken);
            if (reserved > 0)
            {
                LogAccountBackoff(logger, user.UserName, count + 1, nextAllowed - now);
            }
        }

        if (reserved > 0)
        {
            var failures = await db.Users.Where(u => u.Id == user.Id).Select(u => u.AccessFailedCount).SingleAsync(cancellationToken);
            return (null, failures);
        }

        var lockoutEnd = await db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync(cancellationToken);
        return (lockoutEnd is { } end && end > now ? end - now : o.BackoffBase, 0);
    }

    /// <summary>
    /// After a failed check, counts the account's wait from now (the reservation already blocks further
    /// attempts; the slow hash should not eat into the wait).
    /// </summary>
    private async Task StartAccountWaitAsync(User user, int failures, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var wait = SignInBackoff.After(failures, o.MaxFailedSignIns, o.BackoffBase, o.MaxAccountBackoff);
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        var nextAllowed = time.GetUtcNow().UtcDateTime + wait;
        await db.Users.Where(u => u.Id == user.Id && u.AccessFailedCount == failures && u.LockoutEnd < nextAllowed)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, (DateTime?)nextAllowed), cancellationToken);
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
        connections.CloseUser(user.Id, "password changed");
        return OperationResult<User>.Success(user);
    }

    public Task<User?> FindByIdAsync(Guid userId, CancellationToken cancellationToken = default) =>
        db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);

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
        connections.CloseUser(user.Id, isAdmin ? "admin granted" : "admin revoked");
        return true;
    }

    /// <param name="sessionId">The server-side session of a cookie sign-in; null for access tokens.</param>
    public static ClaimsPrincipal CreatePrincipal(User user, string authenticationType, Guid? sessionId = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Name, user.UserName),
            new(SecurityStampClaim, user.SecurityStamp),
        };
        if (sessionId is { } sid)
        {
            claims.Add(new Claim(SessionClaim, sid.ToString()));
        }

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

    internal static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "User {UserName} created (admin: {IsAdmin}, awaiting approval: {Pending})")]
    private static partial void LogUserCreated(ILogger logger, string userName, bool isAdmin, bool pending);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Failed sign-in for {UserName} from {Address}")]
    private static partial void LogSignInFailed(ILogger logger, string userName, string address);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Account {UserName}: {Failures} failed sign-ins in a row; the next attempt waits {Wait}")]
    private static partial void LogAccountBackoff(ILogger logger, string userName, int failures, TimeSpan wait);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Sign-in refused: too many failures from {Address}")]
    private static partial void LogAddressThrottled(ILogger logger, string address);
}
