using System.Text.Json;
using Microsoft.Playwright;

namespace Spectra.BrowserTests.Infrastructure;

/// <summary>
/// Compares two PNG images pixel by pixel inside Chromium (decoded by the browser, read back through a
/// canvas), so the tests need no native image library. Colour management is off on both sides: the
/// bytes compared are the bytes in the files.
/// </summary>
public static class PngComparer
{
    private const string CompareScript = """
        async ([expected, actual, threshold]) => {
          const decode = async (b64) => {
            const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
            const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }), { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
            const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
            const context = canvas.getContext('2d', { willReadFrequently: true });
            context.drawImage(bitmap, 0, 0);
            return { width: bitmap.width, height: bitmap.height, data: context.getImageData(0, 0, bitmap.width, bitmap.height).data };
          };
          const a = await decode(expected);
          const b = await decode(actual);
          const result = { expectedWidth: a.width, expectedHeight: a.height, actualWidth: b.width, actualHeight: b.height, differing: 0, diff: null };
          if (a.width !== b.width || a.height !== b.height) return result;
          const canvas = new OffscreenCanvas(b.width, b.height);
          const context = canvas.getContext('2d');
          const out = context.createImageData(b.width, b.height);
          const o = out.data, x = a.data, y = b.data;
          let differing = 0;
          for (let i = 0; i < y.length; i += 4) {
            const differs = Math.abs(x[i] - y[i]) > threshold || Math.abs(x[i + 1] - y[i + 1]) > threshold
              || Math.abs(x[i + 2] - y[i + 2]) > threshold || Math.abs(x[i + 3] - y[i + 3]) > threshold;
            if (differs) {
              differing++;
              o[i] = 255; o[i + 1] = 0; o[i + 2] = 0; o[i + 3] = 255;
            } else {
              const grey = (y[i] * 0.3 + y[i + 1] * 0.59 + y[i + 2] * 0.11) * 0.35 + 165;
              o[i] = o[i + 1] = o[i + 2] = grey; o[i + 3] = 255;
            }
          }
          result.differing = differing;
          if (differing > 0) {
            context.putImageData(out, 0, 0);
            const png = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
            let binary = '';
            for (let i = 0; i < png.length; i += 0x8000) binary += String.fromCharCode.apply(null, png.subarray(i, i + 0x8000));
            result.diff = btoa(binary);
          }
          return result;
        }
        """;

    /// <param name="scratch">Any page of the browser (its content is left alone).</param>
    /// <param name="channelThreshold">A pixel differs when one of its channels (R, G, B, A: 0–255) differs by more than this.</param>
    public static async Task<ImageDifference> CompareAsync(IPage scratch, byte[] expected, byte[] actual, int channelThreshold)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        var result = await scratch.EvaluateAsync<JsonElement>(
            CompareScript, new object[] { Convert.ToBase64String(expected), Convert.ToBase64String(actual), channelThreshold });
        var diff = result.GetProperty("diff");
        return new ImageDifference(
            result.GetProperty("expectedWidth").GetInt32(), result.GetProperty("expectedHeight").GetInt32(),
            result.GetProperty("actualWidth").GetInt32(), result.GetProperty("actualHeight").GetInt32(),
            result.GetProperty("differing").GetInt64(),
            diff.ValueKind == JsonValueKind.String ? Convert.FromBase64String(diff.GetString()!) : null);
    }
}
