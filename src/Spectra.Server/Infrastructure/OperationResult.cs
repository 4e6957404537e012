namespace Spectra.Server.Infrastructure;

/// <summary>
/// Outcome of a validated operation: either success with a value, or field errors keyed like form
/// fields (shown next to inputs on pages, returned as validation problem details by the API).
/// </summary>
internal sealed class OperationResult<T>
{
    private OperationResult(T? value, Dictionary<string, string[]>? errors)
    {
        Value = value;
        Errors = errors ?? [];
    }

    public T? Value { get; }

    public Dictionary<string, string[]> Errors { get; }

    public bool Succeeded => Errors.Count == 0;

    public static OperationResult<T> Success(T value) => new(value, null);

    public static OperationResult<T> Failure(string field, string message) =>
        new(default, new Dictionary<string, string[]> { [field] = [message] });

    public static OperationResult<T> Failure(Dictionary<string, string[]> errors) => new(default, errors);
}
