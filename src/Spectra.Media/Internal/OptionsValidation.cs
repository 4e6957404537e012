using System.ComponentModel.DataAnnotations;

namespace Spectra.Media.Internal;

/// <summary>
/// Checks an options object against its data annotations, the same rules start-up validation
/// (<c>ValidateDataAnnotations</c>) applies, for types that are also built without dependency injection.
/// </summary>
internal static class OptionsValidation
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
    public static void ThrowIfInvalid(object options)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            return;
        }

        var first = results[0];
        throw new ArgumentOutOfRangeException(first.MemberNames.FirstOrDefault(), first.ErrorMessage);
    }
}
