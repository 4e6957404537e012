using System.Net;
using Spectra.Server.Community.Webhooks;

namespace Spectra.Server.Tests.Community.Webhooks;

public sealed class WebhookRetryPolicyTests
{
    private static readonly WebhookRetryPolicy NoJitter = new()
    {
        MaxAttempts = 5,
        BaseDelay = TimeSpan.FromSeconds(1),
        MaxDelay = TimeSpan.FromSeconds(5),
        JitterFraction = 0,
    };

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 5)]
    public void DelayAfter_Attempt_DoublesUpToCap(int attempt, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), NoJitter.DelayAfter(attempt, HttpStatusCode.InternalServerError, new Random(1)));
    }

    [Fact]
    public void DelayAfter_LastAttempt_IsNull()
    {
        Assert.Null(NoJitter.DelayAfter(5, null, new Random(1)));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Gone)]
    public void DelayAfter_ClientError_IsFinal(HttpStatusCode status)
    {
        Assert.Null(NoJitter.DelayAfter(1, status, new Random(1)));
    }

    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public void IsRetryable_TransientStatus_IsTrue(HttpStatusCode status)
    {
        Assert.True(WebhookRetryPolicy.IsRetryable(status));
    }

    [Fact]
    public void DelayAfter_Jitter_StaysWithinFraction()
    {
        var policy = new WebhookRetryPolicy { BaseDelay = TimeSpan.FromSeconds(10), JitterFraction = 0.2 };
        var random = new Random(3);
        for (var i = 0; i < 1000; i++)
        {
            var delay = policy.DelayAfter(1, null, random)!.Value.TotalSeconds;
            Assert.InRange(delay, 8, 12);
        }
    }
}
