using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Spectra.Server.Infrastructure;

internal static class ModelStateExtensions
{
    /// <summary>Shows an operation's field errors next to the form fields (keys prefixed, e.g. "Input.").</summary>
    public static void AddErrors(this ModelStateDictionary modelState, Dictionary<string, string[]> errors, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                modelState.AddModelError(prefix + field, message);
            }
        }
    }
}
