using System.Buffers;
using System.Text.Unicode;

namespace CafeMenu.Loader.Input;

/// <summary>Thrown by <see cref="Utf8CheckingStream"/> at the first byte that is not UTF-8, with the line it is on.</summary>
internal sealed class InvalidUtf8Exception(int line, string detail) : Exception($"line {line} is not valid UTF-8: {detail}")
{
    public int Line { get; } = line;

    public string Detail { get; } = detail;
}

/// <summary>
/// Passes a file's bytes through unchanged and throws <see cref="InvalidUtf8Exception"/> where they stop being UTF-8.
/// Decoders would otherwise replace such bytes with U+FFFD and load altered text without a word. The bytes before the
/// bad one are still handed out first, so every record up to that line is read as usual.
/// </summary>
/// <remarks>Hand-written: no served library checks UTF-8 while streaming and says on which line it broke.</remarks>
internal sealed class Utf8CheckingStream(Stream inner) : Stream
{
    private readonly byte[] _carry = new byte[4]; // the start of a sequence that the previous read cut off
    private int _carryLength;
    private int _line = 1;
    private InvalidUtf8Exception? _pending;
    private bool _started;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_pending is not null) throw _pending;
        var read = inner.Read(buffer);
        if (read == 0)
        {
            if (_carryLength > 0) throw new InvalidUtf8Exception(_line, "the file ends in the middle of a character");
            return 0;
        }

        if (!_started)
        {
            _started = true;
            // Other encodings are refused, not guessed: the reader of a JSON array accepts UTF-8 only.
            if (buffer[..read] is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..]) throw new InvalidUtf8Exception(1, "the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8");
        }

        var valid = Check(buffer[..read], out var error);
        if (error is null) return read;
        if (valid == 0) throw error;
        _pending = error; // hand out the good bytes now, fail on the next read
        return valid;
    }

    /// <summary>Returns how many bytes of <paramref name="chunk"/> are valid; sets <paramref name="error"/> at the first bad one.</summary>
    private int Check(ReadOnlySpan<byte> chunk, out InvalidUtf8Exception? error)
    {
        error = null;
        if (_carryLength == 0 && Utf8.IsValid(chunk))
        {
            _line += chunk.Count((byte)'\n');
            return chunk.Length;
        }

        // The cut-off sequence of the previous read continues at the start of this one.
        var joined = ArrayPool<byte>.Shared.Rent(_carryLength + chunk.Length);
        var chars = ArrayPool<char>.Shared.Rent(_carryLength + chunk.Length);
        try
        {
            _carry.AsSpan(0, _carryLength).CopyTo(joined);
            chunk.CopyTo(joined.AsSpan(_carryLength));
            var all = joined.AsSpan(0, _carryLength + chunk.Length);
            var status = Utf8.ToUtf16(all, chars, out var bytesRead, out _, replaceInvalidSequences: false, isFinalBlock: false);
            var goodBytes = bytesRead;
            _line += all[..goodBytes].Count((byte)'\n');
            if (status == OperationStatus.InvalidData)
            {
                error = new InvalidUtf8Exception(_line, $"byte 0x{all[goodBytes]:X2} cannot appear here (save the file as UTF-8)");
                return Math.Max(0, goodBytes - _carryLength);
            }

            // NeedMoreData: keep the cut-off sequence (at most 3 bytes) to check with the next read.
            var rest = all[goodBytes..];
            rest.CopyTo(_carry);
            _carryLength = rest.Length;
            return chunk.Length;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(joined);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    public override bool CanRead => true;
    public override bool CanSeek => inner.CanSeek;
    public override bool CanWrite => false;
    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set
        {
            // Only a rewind to the start (the format sniffing of DynamoDB JSON) is supported: the checks start over.
            if (value != 0) throw new NotSupportedException("Utf8CheckingStream can only seek back to the start");
            inner.Position = 0;
            _started = false;
            _carryLength = 0;
            _line = 1;
            _pending = null;
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) =>
        origin == SeekOrigin.Begin && offset == 0 ? Position = 0 : throw new NotSupportedException("Utf8CheckingStream can only seek back to the start");

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
