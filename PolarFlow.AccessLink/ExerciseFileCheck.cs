using System.Buffers.Binary;
using System.Xml;

namespace PolarFlow.AccessLink;

/// <summary>
/// Whether a downloaded exercise file is whole: a cut-off or garbled body would otherwise be stored as the original
/// for ever. FIT: the header's data size and the file's CRC-16 (FIT protocol, section 3.3); TCX and GPX: well-formed XML.
/// </summary>
public static class ExerciseFileCheck
{
    private static readonly ushort[] CrcTable =
        [0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401, 0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400];

    /// <returns>Why the file is not whole, or null when it is.</returns>
    public static string? Problem(string format, byte[] bytes) => format switch
    {
        "fit" => FitProblem(bytes),
        "tcx" or "gpx" => XmlProblem(bytes),
        _ => null,
    };

    private static string? FitProblem(byte[] bytes)
    {
        if (bytes.Length < 14 || bytes[0] is not (12 or 14) || !bytes.AsSpan(8, 4).SequenceEqual(".FIT"u8)) return "not a FIT file (no FIT header)";
        var expected = (long)bytes[0] + BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4)) + 2;
        if (bytes.Length != expected) return $"the FIT file is {bytes.Length} bytes; its header says {expected}";
        var crc = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(bytes.Length - 2));
        return Crc(bytes.AsSpan(0, bytes.Length - 2)) == crc ? null : "the FIT file's CRC does not match";
    }

    private static string? XmlProblem(byte[] bytes)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            while (reader.Read())
            {
            }
            return null;
        }
        catch (XmlException ex)
        {
            return $"not well-formed XML ({ex.Message})";
        }
    }

    private static ushort Crc(ReadOnlySpan<byte> bytes)
    {
        ushort crc = 0;
        foreach (var b in bytes)
        {
            foreach (var nibble in (ReadOnlySpan<int>)[b & 0xF, b >> 4])
            {
                var tmp = CrcTable[crc & 0xF];
                crc = (ushort)(((crc >> 4) & 0x0FFF) ^ tmp ^ CrcTable[nibble]);
            }
        }
        return crc;
    }
}
