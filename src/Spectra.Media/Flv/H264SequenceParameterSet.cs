using Spectra.Media.Flv.Internal;

namespace Spectra.Media.Flv;

/// <summary>
/// The fields of an H.264 sequence parameter set that the ladder needs (ITU-T H.264 §7.3.2.1.1):
/// profile, level, chroma format and the displayed size after frame cropping (§7.4.2.1.1, equations
/// 7-19/7-20 for CropUnitX/CropUnitY).
/// </summary>
internal sealed record H264SequenceParameterSet(
    byte ProfileIdc,
    byte ConstraintFlags,
    byte LevelIdc,
    uint ChromaFormatIdc,
    bool FrameMbsOnly,
    int Width,
    int Height)
{
    /// <summary>Parses a complete SPS NAL unit (one-byte NAL header included, nal_unit_type 7).</summary>
    public static bool TryParse(ReadOnlySpan<byte> nalUnit, out H264SequenceParameterSet? sps)
    {
        sps = null;
        if (nalUnit.Length < 4 || (nalUnit[0] & 0x1F) != 7)
        {
            return false;
        }

        Span<byte> rbsp = nalUnit.Length <= 512 ? stackalloc byte[nalUnit.Length] : new byte[nalUnit.Length];
        int length = RbspBitReader.Unescape(nalUnit[1..], rbsp);
        var reader = new RbspBitReader(rbsp[..length]);

        byte profileIdc = (byte)reader.ReadBits(8);
        byte constraintFlags = (byte)reader.ReadBits(8);
        byte levelIdc = (byte)reader.ReadBits(8);
        reader.ReadUnsignedExpGolomb(); // seq_parameter_set_id

        uint chromaFormatIdc = 1; // 4:2:0 when absent
        bool separateColourPlane = false;
        if (profileIdc is 100 or 110 or 122 or 244 or 44 or 83 or 86 or 118 or 128 or 138 or 139 or 134 or 135)
        {
            chromaFormatIdc = reader.ReadUnsignedExpGolomb();
            if (chromaFormatIdc == 3)
            {
                separateColourPlane = reader.ReadBit() == 1;
            }

            reader.ReadUnsignedExpGolomb(); // bit_depth_luma_minus8
            reader.ReadUnsignedExpGolomb(); // bit_depth_chroma_minus8
            reader.ReadBit();               // qpprime_y_zero_transform_bypass_flag
            if (reader.ReadBit() == 1)      // seq_scaling_matrix_present_flag
            {
                int lists = chromaFormatIdc != 3 ? 8 : 12;
                for (int i = 0; i < lists; i++)
                {
                    if (reader.ReadBit() == 1)
                    {
                        SkipScalingList(ref reader, i < 6 ? 16 : 64);
                    }
                }
            }
        }

        reader.ReadUnsignedExpGolomb(); // log2_max_frame_num_minus4
        uint picOrderCntType = reader.ReadUnsignedExpGolomb();
        if (picOrderCntType == 0)
        {
            reader.ReadUnsignedExpGolomb(); // log2_max_pic_order_cnt_lsb_minus4
        }
        else if (picOrderCntType == 1)
        {
            reader.ReadBit();               // delta_pic_order_always_zero_flag
            reader.ReadSignedExpGolomb();   // offset_for_non_ref_pic
            reader.ReadSignedExpGolomb();   // offset_for_top_to_bottom_field
            uint cycle = reader.ReadUnsignedExpGolomb();
            if (cycle > 255)
            {
                return false;
            }

            for (uint i = 0; i < cycle; i++)
            {
                reader.ReadSignedExpGolomb(); // offset_for_ref_frame[i]
            }
        }

        reader.ReadUnsignedExpGolomb(); // max_num_ref_frames
        reader.ReadBit();               // gaps_in_frame_num_value_allowed_flag
        uint widthInMbs = reader.ReadUnsignedExpGolomb() + 1;
        uint heightInMapUnits = reader.ReadUnsignedExpGolomb() + 1;
        bool frameMbsOnly = reader.ReadBit() == 1;
        if (!frameMbsOnly)
        {
            reader.ReadBit(); // mb_adaptive_frame_field_flag
        }

        reader.ReadBit(); // direct_8x8_inference_flag
        uint cropLeft = 0, cropRight = 0, cropTop = 0, cropBottom = 0;
        if (reader.ReadBit() == 1) // frame_cropping_flag
        {
            cropLeft = reader.ReadUnsignedExpGolomb();
            cropRight = reader.ReadUnsignedExpGolomb();
            cropTop = reader.ReadUnsignedExpGolomb();
            cropBottom = reader.ReadUnsignedExpGolomb();
        }

        if (reader.Overrun || widthInMbs > 1024 || heightInMapUnits > 1024)
        {
            return false;
        }

        // §7.4.2.1.1: ChromaArrayType 0 (monochrome or separate planes) crops in luma samples.
        uint chromaArrayType = separateColourPlane ? 0 : chromaFormatIdc;
        uint frameHeightFactor = frameMbsOnly ? 1u : 2u;
        uint cropUnitX = chromaArrayType == 0 ? 1 : (chromaFormatIdc == 3 ? 1u : 2u);
        uint cropUnitY = chromaArrayType == 0 ? frameHeightFactor : (chromaFormatIdc == 1 ? 2u : 1u) * frameHeightFactor;

        long width = (widthInMbs * 16L) - (cropUnitX * (long)(cropLeft + cropRight));
        long height = (frameHeightFactor * heightInMapUnits * 16L) - (cropUnitY * (long)(cropTop + cropBottom));
        if (width <= 0 || height <= 0)
        {
            return false;
        }

        sps = new H264SequenceParameterSet(profileIdc, constraintFlags, levelIdc, chromaFormatIdc, frameMbsOnly, (int)width, (int)height);
        return true;
    }

    // scaling_list() (§7.3.2.1.1.1): only delta_scale is coded; the values themselves do not matter here.
    private static void SkipScalingList(ref RbspBitReader reader, int size)
    {
        int lastScale = 8;
        int nextScale = 8;
        for (int j = 0; j < size; j++)
        {
            if (nextScale != 0)
            {
                int delta = reader.ReadSignedExpGolomb();
                nextScale = (lastScale + delta + 256) % 256;
            }

            lastScale = nextScale == 0 ? lastScale : nextScale;
        }
    }
}
