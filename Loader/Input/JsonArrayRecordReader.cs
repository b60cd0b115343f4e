using System.Buffers;
using System.Text.Json;

namespace CafeMenu.Loader.Input;

/// <summary>
/// Streams the elements of a top-level JSON array with the line each starts on, holding one element at a time in memory.
/// </summary>
/// <remarks>Hand-written on Utf8JsonReader: JsonSerializer.DeserializeAsyncEnumerable streams arrays but gives no line numbers.</remarks>
internal static class JsonArrayRecordReader
{
    private const int MaxRecordBytes = 16 * 1024 * 1024;

    public static IEnumerable<(int Line, JsonDocument? Document, RecordProblem? Problem)> Read(Stream stream)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            var length = 0;
            var final = false;
            var state = new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = JsonDepth.Max });
            var lineAtBufferStart = 1;
            var started = false;
            var ended = false;
            while (true)
            {
                // Fill the rest of the buffer.
                while (!final && length < buffer.Length)
                {
                    var read = stream.Read(buffer, length, buffer.Length - length);
                    if (read == 0) final = true;
                    length += read;
                }

                var consumed = 0;
                if (!started && length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
                {
                    // A UTF-8 byte order mark, which Utf8JsonReader does not accept.
                    buffer.AsSpan(3, length - 3).CopyTo(buffer);
                    length -= 3;
                }

                var countedTo = 0;
                var linesInBuffer = 0;
                var results = new List<(int, JsonDocument?, RecordProblem?)>();
                RecordProblem? fatal = null;
                var needMore = false;
                var broken = false;
                try
                {
                    var reader = new Utf8JsonReader(buffer.AsSpan(0, length), final, state);
                    while (true)
                    {
                        var checkpoint = reader;
                        if (!reader.Read())
                        {
                            needMore = !final;
                            if (final && !ended)
                            {
                                fatal = new RecordProblem(null, started ? "the JSON array is not closed (no ']' before the end of the file)" : "the file is empty; expected a JSON array", true);
                            }

                            break;
                        }

                        var tokenLine = LineOf(buffer, (int)reader.TokenStartIndex, ref countedTo, ref linesInBuffer) + lineAtBufferStart;
                        if (!started)
                        {
                            if (reader.TokenType != JsonTokenType.StartArray)
                            {
                                fatal = new RecordProblem(null, "a .json input must be a JSON array of records (use --format ndjson for one record per line)", true);
                                break;
                            }

                            started = true;
                        }
                        else if (ended)
                        {
                            fatal = new RecordProblem(null, "unexpected content after the closing ']'", true);
                            break;
                        }
                        else if (reader.TokenType == JsonTokenType.EndArray)
                        {
                            ended = true;
                        }
                        else if (JsonDocument.TryParseValue(ref reader, out var document))
                        {
                            results.Add((tokenLine, document, null));
                        }
                        else
                        {
                            reader = checkpoint;
                            needMore = true;
                            break;
                        }

                        consumed = (int)reader.BytesConsumed;
                        state = reader.CurrentState;
                    }
                }
                catch (JsonException e)
                {
                    var line = e.LineNumber is { } l ? (int)l + 1 : lineAtBufferStart;
                    // At the end of the data the reader reports an unclosed array as a depth error; say it plainly.
                    var reason = final && started && !ended && e.Message.Contains("depth to be zero", StringComparison.Ordinal)
                        ? "the JSON array is not closed (no ']' before the end of the file)"
                        : $"malformed JSON: {FirstSentence(e.Message)}; the rest of the file was not read";
                    results.Add((line, null, new RecordProblem(null, reason, true)));
                    broken = true;
                }

                if (broken)
                {
                    foreach (var result in results) yield return result;
                    yield break;
                }

                foreach (var result in results) yield return result;
                if (fatal is not null)
                {
                    yield return (lineAtBufferStart + CountLines(buffer, 0, consumed), null, fatal);
                    yield break;
                }

                if (!needMore) yield break;

                if (consumed == 0 && length == buffer.Length)
                {
                    if (buffer.Length >= MaxRecordBytes)
                    {
                        yield return (lineAtBufferStart, null, new RecordProblem(null, $"a record is larger than {MaxRecordBytes / 1024 / 1024} MB; the rest of the file was not read", true));
                        yield break;
                    }

                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                    continue;
                }

                lineAtBufferStart += CountLines(buffer, 0, consumed);
                buffer.AsSpan(consumed, length - consumed).CopyTo(buffer);
                length -= consumed;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int LineOf(byte[] buffer, int position, ref int countedTo, ref int lines)
    {
        lines += CountLines(buffer, countedTo, position);
        countedTo = position;
        return lines;
    }

    private static int CountLines(byte[] buffer, int from, int to) => buffer.AsSpan(from, to - from).Count((byte)'\n');

    internal static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }
}
