namespace PolarFlow.ApiService.Archive;

/// <summary>
/// Between <see cref="System.IO.Compression.ZipArchive"/> and the response: the ZIP writes some parts synchronously
/// (an entry's last deflate block and its descriptor when it is closed, the central directory), which Kestrel refuses.
/// Writes land in a small buffer here; <see cref="DrainAsync"/> sends it on asynchronously, so the archive goes out
/// as it is written and only about <see cref="DrainAt"/> bytes are ever held.
/// </summary>
public sealed class DrainingStream(Stream inner) : Stream
{
    public const int DrainAt = 64 * 1024;
    private readonly MemoryStream _buffer = new();
    private long _written;

    /// <summary>Sends what is buffered once it reaches <see cref="DrainAt"/> (or always, with <paramref name="all"/>).</summary>
    public async ValueTask DrainAsync(CancellationToken ct, bool all = false)
    {
        if (_buffer.Length == 0 || (!all && _buffer.Length < DrainAt)) return;
        await inner.WriteAsync(_buffer.GetBuffer().AsMemory(0, (int)_buffer.Length), ct);
        _buffer.SetLength(0);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _buffer.Write(buffer);
        _written += buffer.Length;
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
    {
        Write(buffer.Span);
        await DrainAsync(ct);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _written; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override Task FlushAsync(CancellationToken ct) => Task.CompletedTask;
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
