namespace PolarFlow.ApiService.Imports.Parsing;

/// <summary>
/// Polar's export writes sensor dropouts as a bare `NaN` in sample arrays, which is not JSON (System.Text.Json
/// refuses it in any mode). This read-only stream passes the bytes through and turns each bare `NaN` outside a
/// string into `null`, so files of any size parse as a stream; a quoted `"NaN"` is left for the parser to read.
/// </summary>
public sealed class NaNFilterStream(Stream inner) : Stream
{
    private readonly byte[] _in = new byte[64 * 1024];
    private readonly byte[] _out = new byte[64 * 1024 * 2]; // "NaN" → "null" grows by a third at most
    private int _outStart, _outEnd;
    private int _pending; // bytes of a possible "NaN" held back (0-2)
    private bool _inString, _escaped, _done;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (_outStart == _outEnd && !_done) Fill();
        var n = Math.Min(buffer.Length, _outEnd - _outStart);
        _out.AsSpan(_outStart, n).CopyTo(buffer);
        _outStart += n;
        return n;
    }

    private void Fill()
    {
        (_outStart, _outEnd) = (0, 0);
        var read = inner.Read(_in, 0, _in.Length);
        if (read == 0)
        {
            FlushPending();
            _done = true;
            return;
        }
        // A tight loop on locals: this runs once per byte of the export.
        ReadOnlySpan<byte> input = _in.AsSpan(0, read);
        var output = _out.AsSpan();
        int o = 0, pending = _pending;
        bool inString = _inString, escaped = _escaped;
        foreach (var b in input)
        {
            if (inString)
            {
                output[o++] = b;
                if (escaped) escaped = false;
                else if (b == '\\') escaped = true;
                else if (b == '"') inString = false;
                continue;
            }
            // Outside strings: hold N, a, N back until the token is complete or broken.
            if ((pending == 0 && b == 'N') || (pending == 1 && b == 'a'))
            {
                pending++;
                continue;
            }
            if (pending == 2 && b == 'N')
            {
                pending = 0;
                "null"u8.CopyTo(output[o..]);
                o += 4;
                continue;
            }
            if (pending >= 1) output[o++] = (byte)'N';
            if (pending >= 2) output[o++] = (byte)'a';
            pending = 0;
            if (b == '"') inString = true;
            output[o++] = b;
        }
        (_outEnd, _pending, _inString, _escaped) = (o, pending, inString, escaped);
    }

    private void FlushPending()
    {
        if (_pending >= 1) _out[_outEnd++] = (byte)'N';
        if (_pending >= 2) _out[_outEnd++] = (byte)'a';
        _pending = 0;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
