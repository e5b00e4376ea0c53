namespace PolarFlow.AccessLink.Emulator.Synthetic;

/// <summary>
/// A FIT activity file (file_id, records, lap, session, activity) written to the FIT protocol 2.0 layout: a
/// 14-byte header, definition and data messages, little-endian, CRC-16 over header and file. No .NET FIT
/// library is available on our package feed; Garmin's own JavaScript SDK decodes the result in the tests.
/// </summary>
public static class FitFile
{
    private static readonly DateTime FitEpoch = new(1989, 12, 31, 0, 0, 0, DateTimeKind.Utc);
    private static readonly ushort[] CrcTable = [0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401, 0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400];

    private const byte Enum = 0x00, UInt8 = 0x02, UInt16 = 0x84, SInt32 = 0x85, UInt32 = 0x86, UInt32Z = 0x8C;

    public static byte[] Write(SyntheticExercise e)
    {
        var start = new DateTimeOffset(e.LocalStart, TimeSpan.FromMinutes(e.UtcOffsetMinutes)).UtcDateTime;
        uint T(DateTime t) => (uint)(t - FitEpoch).TotalSeconds;
        var startTs = T(start);
        var endTs = T(start + e.Duration);
        var millis = (uint)e.Duration.TotalMilliseconds;
        var sport = (byte)(e.Sport switch { "RUNNING" => 1, "CYCLING" => 2, _ => 10 });

        using var body = new MemoryStream();
        using (var w = new BinaryWriter(body))
        {
            Define(w, 0, 0, (0, 1, Enum), (1, 2, UInt16), (2, 2, UInt16), (3, 4, UInt32Z), (4, 4, UInt32));
            w.Write((byte)0); w.Write((byte)4); w.Write((ushort)123); w.Write((ushort)1); w.Write(0x500AF925u); w.Write(startTs);

            var hasPosition = e.Route is not null;
            if (hasPosition)
                Define(w, 1, 20, (253, 4, UInt32), (3, 1, UInt8), (0, 4, SInt32), (1, 4, SInt32), (6, 2, UInt16), (2, 2, UInt16));
            else
                Define(w, 1, 20, (253, 4, UInt32), (3, 1, UInt8));
            for (var i = 0; i < e.HeartRateSamples.Length; i++)
            {
                w.Write((byte)1);
                w.Write(startTs + (uint)(i * e.RecordingRate));
                w.Write((byte)Math.Clamp(e.HeartRateSamples[i], 0, 254));
                if (hasPosition)
                {
                    var p = e.Route![Math.Min(i / 2, e.Route.Count - 1)];
                    w.Write(Semicircles(p.Latitude)); w.Write(Semicircles(p.Longitude));
                    w.Write((ushort)Math.Round((e.SpeedSamples?[i] ?? 0) / 3.6 * 1000));
                    w.Write((ushort)Math.Round(((e.AltitudeSamples?[i] ?? 0) + 500) * 5));
                }
            }

            Define(w, 2, 19, (253, 4, UInt32), (2, 4, UInt32), (7, 4, UInt32), (8, 4, UInt32), (0, 1, Enum), (1, 1, Enum));
            w.Write((byte)2); w.Write(endTs); w.Write(startTs); w.Write(millis); w.Write(millis); w.Write((byte)9); w.Write((byte)1);

            Define(w, 3, 18, (253, 4, UInt32), (2, 4, UInt32), (7, 4, UInt32), (8, 4, UInt32), (9, 4, UInt32), (5, 1, Enum), (6, 1, Enum),
                (16, 1, UInt8), (17, 1, UInt8), (11, 2, UInt16), (0, 1, Enum), (1, 1, Enum), (25, 2, UInt16), (26, 2, UInt16));
            w.Write((byte)3); w.Write(endTs); w.Write(startTs); w.Write(millis); w.Write(millis); w.Write((uint)Math.Round((e.Distance ?? 0) * 100));
            w.Write(sport); w.Write((byte)0); w.Write((byte)e.AverageHr); w.Write((byte)e.MaximumHr); w.Write((ushort)e.Calories);
            w.Write((byte)8); w.Write((byte)1); w.Write((ushort)0); w.Write((ushort)1);

            Define(w, 4, 34, (253, 4, UInt32), (0, 4, UInt32), (1, 2, UInt16), (2, 1, Enum), (3, 1, Enum), (4, 1, Enum), (5, 4, UInt32));
            w.Write((byte)4); w.Write(endTs); w.Write(millis); w.Write((ushort)1); w.Write((byte)0); w.Write((byte)26); w.Write((byte)1);
            w.Write(endTs + (uint)(e.UtcOffsetMinutes * 60));
        }

        var data = body.ToArray();
        var header = new byte[14];
        header[0] = 14;
        header[1] = 0x20; // protocol 2.0
        BitConverter.TryWriteBytes(header.AsSpan(2), (ushort)2132);
        BitConverter.TryWriteBytes(header.AsSpan(4), (uint)data.Length);
        ".FIT"u8.CopyTo(header.AsSpan(8));
        BitConverter.TryWriteBytes(header.AsSpan(12), Crc(header.AsSpan(0, 12)));

        var file = new byte[14 + data.Length + 2];
        header.CopyTo(file, 0);
        data.CopyTo(file, 14);
        BitConverter.TryWriteBytes(file.AsSpan(14 + data.Length), Crc(file.AsSpan(0, 14 + data.Length)));
        return file;
    }

    private static void Define(BinaryWriter w, byte local, ushort global, params (byte Number, byte Size, byte BaseType)[] fields)
    {
        w.Write((byte)(0x40 | local));
        w.Write((byte)0); // reserved
        w.Write((byte)0); // little-endian
        w.Write(global);
        w.Write((byte)fields.Length);
        foreach (var (number, size, baseType) in fields)
        {
            w.Write(number); w.Write(size); w.Write(baseType);
        }
    }

    private static int Semicircles(double degrees) => (int)Math.Round(degrees * (Math.Pow(2, 31) / 180));

    public static ushort Crc(ReadOnlySpan<byte> bytes)
    {
        ushort crc = 0;
        foreach (var b in bytes)
        {
            var tmp = CrcTable[crc & 0xF];
            crc = (ushort)((crc >> 4) & 0x0FFF);
            crc = (ushort)(crc ^ tmp ^ CrcTable[b & 0xF]);
            tmp = CrcTable[crc & 0xF];
            crc = (ushort)((crc >> 4) & 0x0FFF);
            crc = (ushort)(crc ^ tmp ^ CrcTable[(b >> 4) & 0xF]);
        }
        return crc;
    }
}
