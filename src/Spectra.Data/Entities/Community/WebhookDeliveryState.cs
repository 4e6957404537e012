namespace Spectra.Data.Entities.Community;

public enum WebhookDeliveryState
{
    Pending = 0,
    Succeeded = 1,
    Failed = 2,
}
