namespace PolarFlow.ApiService.Imports.Parsing;

/// <summary>
/// Polar's export writes sensor dropouts as a bare `NaN` in sample arrays, which is not JSON (System.Text.Json
/// refuses it in any mode). This read-only stream passes the bytes through and turns each bare `NaN` outside a
/// string into `null`, so files of any size parse as a stream; a quoted `"NaN"` is left for the parser to read.
/// </summary>
public sealed class NaNFilterStream(Stream inner) : Stream
{
    private readonly byte[] _in = new byte[64 * 1024];
    private readonly Queue<byte> _out = new();
    private int _pending; // bytes of a possible "NaN" held back (0-2)
    private bool _inString, _escaped, _done;

    public override int Read(byte[] buffer, int offset, int count)
    {
        while (_out.Count < count && !_done) Fill();
        var n = 0;
        while (n < count && _out.Count > 0) buffer[offset + n++] = _out.Dequeue();
        return n;
    }

    private void Fill()
    {
        var read = inner.Read(_in, 0, _in.Length);
        if (read == 0)
        {
            Flush(_pending);
            _done = true;
            return;
        }
        for (var i = 0; i < read; i++)
        {
            var b = _in[i];
            if (_inString)
            {
                _out.Enqueue(b);
                if (_escaped) _escaped = false;
                else if (b == '\\') _escaped = true;
                else if (b == '"') _inString = false;
                continue;
            }
            // Outside strings: hold N, a, N back until the token is complete or broken.
            if ((_pending == 0 && b == 'N') || (_pending == 1 && b == 'a'))
            {
                _pending++;
                continue;
            }
            if (_pending == 2 && b == 'N')
            {
                _pending = 0;
                foreach (var c in "null"u8) _out.Enqueue(c);
                continue;
            }
            Flush(_pending);
            _pending = 0;
            if (b == '"') _inString = true;
            _out.Enqueue(b);
        }
    }

    private void Flush(int pending)
    {
        if (pending >= 1) _out.Enqueue((byte)'N');
        if (pending >= 2) _out.Enqueue((byte)'a');
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
