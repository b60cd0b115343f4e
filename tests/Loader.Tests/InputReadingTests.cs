using CafeMenu.Loader.Input;
using CafeMenu.Loader.Validation;
using CafeMenu.Menu;

namespace CafeMenu.Loader.Tests;

/// <summary>Reading and validating input without a server: formats, line numbers, number rules and each kind of bad record.</summary>
public class InputReadingTests
{
    private static readonly TableSchema Menu = TableSchema.From(MenuTable.Definition("t"));

    private static ValidationOutcome Validate(string name, string content, InputFormat? format = null, DuplicatePolicy duplicates = DuplicatePolicy.Fail)
    {
        var path = LoaderRun.TempFile(name, content);
        var source = new RecordSource(path, format ?? InputFormats.Infer(path)!.Value);
        return InputValidator.Validate([source], Menu, duplicates, 100, CancellationToken.None);
    }

    private static List<InputRecord> Read(string name, string content, InputFormat? format = null)
    {
        var path = LoaderRun.TempFile(name, content);
        return new RecordSource(path, format ?? InputFormats.Infer(path)!.Value).Read().ToList();
    }

    [Fact]
    public void A_pretty_printed_json_array_gives_each_record_the_line_it_starts_on_and_keeps_number_digits()
    {
        var records = Read("a.json", "[\n  {\n    \"product_name\": \"Scone\",\n    \"price\": 0.1\n  },\n  {\"product_name\": \"Tea\", \"price\": 2.50, \"big\": 12345678901234567890123456789012345678}\n]\n");

        Assert.Equal([2, 6], records.Select(r => r.Line));
        Assert.Equal("0.1", records[0].Item!["price"].N);
        Assert.Equal("2.50", records[1].Item!["price"].N);
        Assert.Equal("12345678901234567890123456789012345678", records[1].Item!["big"].N);
    }

    [Fact]
    public void A_json_array_larger_than_the_read_buffer_streams_with_correct_lines()
    {
        var lines = Enumerable.Range(0, 5000).Select(i => $"{{\"product_name\": \"item {i}\", \"description\": \"{new string('x', 100)}\"}}");
        var records = Read("big.json", "[\n" + string.Join(",\n", lines) + "\n]");

        Assert.Equal(5000, records.Count);
        Assert.All(records, r => Assert.Null(r.Problem));
        Assert.Equal(2, records[0].Line);
        Assert.Equal(5001, records[^1].Line);
        Assert.Equal("item 4999", records[^1].Item!["product_name"].S);
    }

    [Fact]
    public void Plain_json_values_map_to_DynamoDB_types()
    {
        var item = Read("t.ndjson", """{"product_name":"x","s":"a","n":-1.5e3,"b":true,"z":null,"l":[1,"two"],"m":{"k":false}}""")[0].Item!;

        Assert.Equal("a", item["s"].S);
        Assert.Equal("-1.5e3", item["n"].N);
        Assert.True(item["b"].BOOL);
        Assert.True(item["z"].NULL);
        Assert.Equal("1", item["l"].L[0].N);
        Assert.Equal("two", item["l"].L[1].S);
        Assert.False(item["m"].M["k"].BOOL);
    }

    [Fact]
    public void Csv_columns_carry_their_type_after_a_colon_and_untyped_columns_are_strings()
    {
        var records = Read("t.csv", "product_name,price:N,special:N,tags:SS,flags:JSON,note\nScone,2.80,1,\"[\"\"warm\"\",\"\"sweet\"\"]\",\"{\"\"a\"\":[1,2.50]}\",\n\"Tea, green\",2.50,,,,hot\n");

        Assert.Equal([2, 3], records.Select(r => r.Line));
        var scone = records[0].Item!;
        Assert.Equal("2.80", scone["price"].N);
        Assert.Equal("1", scone["special"].N);
        Assert.Equal(["warm", "sweet"], scone["tags"].SS);
        Assert.Equal("2.50", scone["flags"].M["a"].L[1].N);
        Assert.False(scone.ContainsKey("note")); // an empty cell leaves the attribute out
        Assert.Equal("Tea, green", records[1].Item!["product_name"].S);
        Assert.False(records[1].Item!.ContainsKey("special"));
    }

    [Fact]
    public void DynamoDB_json_reads_every_type_with_or_without_the_Item_wrapper()
    {
        var records = Read("t.ddb.json", """
            {"Item":{"product_name":{"S":"a"},"n":{"N":"0.10"},"b":{"B":"AQID"},"ss":{"SS":["x","y"]},"ns":{"NS":["1","2.5"]},"bs":{"BS":["AQ=="]},"l":{"L":[{"BOOL":true},{"NULL":true}]},"m":{"M":{"k":{"S":"v"}}}}}
            {"product_name":{"S":"b"}}
            """);

        var a = records[0].Item!;
        Assert.Equal("0.10", a["n"].N);
        Assert.Equal(new byte[] { 1, 2, 3 }, a["b"].B.ToArray());
        Assert.Equal(["1", "2.5"], a["ns"].NS);
        Assert.Single(a["bs"].BS);
        Assert.True(a["l"].L[0].BOOL);
        Assert.Equal("v", a["m"].M["k"].S);
        Assert.Equal("b", records[1].Item!["product_name"].S);
    }

    [Fact]
    public void Numbers_of_38_significant_digits_are_accepted_and_39_rejected_with_file_line_and_attribute()
    {
        var outcome = Validate("n.ndjson",
            "{\"product_name\":\"ok\",\"weight\":1.2345678901234567890123456789012345678}\n"
            + "{\"product_name\":\"bad\",\"weight\":1.23456789012345678901234567890123456789}\n"
            + "{\"product_name\":\"huge\",\"weight\":1E+126}\n"
            + "{\"product_name\":\"tiny\",\"weight\":1E-131}\n");

        Assert.Equal(3, outcome.ErrorCount);
        var errors = outcome.Errors.ToList();
        Assert.Equal((2, "weight"), (errors[0].Line, errors[0].Attribute));
        Assert.Contains("39 significant digits", errors[0].Reason);
        Assert.Equal(3, errors[1].Line);
        Assert.Equal(4, errors[2].Line);
        Assert.EndsWith("n.ndjson", errors[0].File);
    }

    [Theory]
    [InlineData("bad.ndjson", "{\"product_name\":\"a\"}\n{\"product_name\": }\n", 2, null, "malformed JSON")]
    [InlineData("bad.json", "[\n{\"product_name\":\"a\"},\n{\"product_name\" \"b\"}\n]", 3, null, "malformed JSON")]
    [InlineData("open.json", "[\n{\"product_name\":\"a\"}\n", 3, null, "not closed")]
    [InlineData("notarray.json", "{\"product_name\":\"a\"}", 1, null, "must be a JSON array")]
    [InlineData("scalar.ndjson", "\n\n42\n", 3, null, "must be a JSON object")]
    [InlineData("missing.ndjson", "{\"name\":\"a\"}", 1, "product_name", "missing")]
    [InlineData("mistyped.ndjson", "{\"product_name\":12}", 1, "product_name", "must be of type S, got N")]
    [InlineData("empty.ndjson", "{\"product_name\":\"\"}", 1, "product_name", "must not be empty")]
    [InlineData("index.ndjson", "{\"product_name\":\"a\",\"special\":\"yes\"}", 1, "special", "index key attribute must be of type N")]
    [InlineData("nan.ndjson", "{\"product_name\":\"a\",\"price\":{\"n\":1e999999}}", 1, "price.n", "is not a number")]
    [InlineData("badtype.csv", "product_name,price:N\na,12x\n", 2, "price", "is not a number")]
    [InlineData("badheader.csv", "product_name,price:DECIMAL\na,1\n", 1, "price:DECIMAL", "TYPE one of")]
    [InlineData("fields.csv", "product_name,price:N\na,1\nb,2,3\n", 3, null, "number of fields")]
    [InlineData("quote.csv", "product_name,price:N\na,1\n\"b\"x,2\n", 3, null, "malformed CSV")]
    [InlineData("desc.ddb.json", "{\"product_name\":{\"S\":\"a\"},\"price\":{\"N\":2.5}}", 1, "price", "N must be given as a JSON string")]
    [InlineData("set.ddb.json", "{\"product_name\":{\"S\":\"a\"},\"tags\":{\"SS\":[]}}", 1, "tags", "must not be empty")]
    [InlineData("twice.ndjson", "{\"product_name\":\"a\",\"product_name\":\"b\"}", 1, "product_name", "appears twice")]
    [InlineData("twice.csv", "product_name,price:N,price:N\na,1,2\n", 1, "price:N", "column price appears twice in the header")]
    [InlineData("twice-in-map.ndjson", "{\"product_name\":\"a\",\"m\":{\"x\":1,\"x\":2}}", 1, "m.x", "appears twice in the map")]
    [InlineData("twice-in-map.ddb.json", "{\"product_name\":{\"S\":\"a\"},\"m\":{\"M\":{\"x\":{\"N\":\"1\"},\"x\":{\"N\":\"2\"}}}}", 1, "m.x", "appears twice in the map")]
    [InlineData("surrogate.ndjson", "{\"product_name\":\"a\\ud800b\"}", 1, "product_name", "lone UTF-16 surrogate")]
    [InlineData("surrogate-tag.json", "[\n{\"product_name\":\"a\",\"tags\":[\"x\",\"\\udc00\"]}\n]", 2, "tags[1]", "lone UTF-16 surrogate")]
    [InlineData("surrogate-name.ndjson", "{\"product_name\":\"a\",\"\\ud800\":1}", 1, null, "an attribute name holds an escaped lone")]
    [InlineData("surrogate-map.ndjson", "{\"product_name\":\"a\",\"m\":{\"\\udfff\":1}}", 1, "m", "an attribute name holds an escaped lone")]
    [InlineData("surrogate.ddb.json", "{\"product_name\":{\"S\":\"\\ud83d\"}}", 1, "product_name", "lone UTF-16 surrogate")]
    public void Each_kind_of_malformed_input_is_reported_with_file_line_and_reason(string name, string content, int line, string? attribute, string reason)
    {
        var outcome = Validate(name, content);

        Assert.False(outcome.IsValid);
        var error = outcome.Errors[0];
        Assert.EndsWith(name, error.File);
        Assert.Equal(line, error.Line);
        Assert.Equal(attribute, error.Attribute);
        Assert.Contains(reason, error.Reason);
        Assert.StartsWith($"{error.File}:{line}: ", error.ToString());
    }

    [Theory]
    [InlineData("bytes.ndjson", "{\"product_name\":\"a\"}\n{\"product_name\":\"b\xFF\"}\n", 2, "byte 0xFF")]
    [InlineData("bytes.json", "[\n{\"product_name\":\"a\"},\n{\"product_name\":\"\xC3\"}\n]", 3, "byte 0xC3")]
    [InlineData("bytes.csv", "product_name\na\nb\xE2\x82\n", 3, "byte 0xE2")]
    [InlineData("cut.ndjson", "{\"product_name\":\"a\"}\n\xE2\x82", 2, "ends in the middle of a character")]
    [InlineData("utf16.csv", "\xFF\xFEp\0r\0", 1, "the file is UTF-16")]
    public void Bytes_that_are_not_UTF8_refuse_the_file_at_their_line_instead_of_loading_altered_text(string name, string latin1, int line, string reason)
    {
        // Each char of latin1 stands for one byte, so the file holds exactly the bytes written in the test.
        var path = LoaderRun.TempFile(name, "");
        File.WriteAllBytes(path, System.Text.Encoding.Latin1.GetBytes(latin1));
        var outcome = InputValidator.Validate([new RecordSource(path, InputFormats.Infer(path)!.Value)], Menu, DuplicatePolicy.Fail, 100, CancellationToken.None);

        Assert.False(outcome.IsValid);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal(line, error.Line);
        Assert.Contains("not valid UTF-8", error.Reason);
        Assert.Contains(reason, error.Reason);
    }

    [Fact]
    public void Characters_of_several_bytes_across_the_read_buffer_boundaries_are_read_unchanged()
    {
        var names = Enumerable.Range(0, 20_000).Select(i => $"café {i} ☕ 𝔉").ToList();
        var records = Read("multibyte.ndjson", string.Concat(names.Select(n => $"{{\"product_name\":\"{n}\"}}\n")));

        Assert.All(records, r => Assert.Null(r.Problem));
        Assert.Equal(names, records.Select(r => r.Item!["product_name"].S));
    }

    [Theory]
    [InlineData("[", "]", 31, true)]
    [InlineData("[", "]", 32, false)]
    [InlineData("{\"a\":", "}", 31, true)]
    [InlineData("{\"a\":", "}", 32, false)]
    public void Lists_and_maps_nested_deeper_than_DynamoDB_takes_are_refused_before_writing(string open, string close, int depth, bool valid)
    {
        var record = $"{{\"product_name\":\"deep\",\"x\":{string.Concat(Enumerable.Repeat(open, depth))}1{string.Concat(Enumerable.Repeat(close, depth))}}}";
        var outcome = Validate("deep.ndjson", record);

        Assert.Equal(valid, outcome.IsValid);
        if (!valid)
        {
            var error = Assert.Single(outcome.Errors);
            Assert.Equal("x", error.Attribute);
            Assert.Contains($"nests {depth} lists and maps", error.Reason);
        }
    }

    [Theory]
    [InlineData(2048, 1, true)]
    [InlineData(2049, 1, false)]
    [InlineData(1024, 2, true)]
    [InlineData(1025, 2, false)]
    public void A_partition_key_over_2048_bytes_or_an_accented_one_over_1024_characters_is_refused(int characters, int bytesPerCharacter, bool valid)
    {
        var name = new string(bytesPerCharacter == 1 ? 'k' : 'é', characters);
        // A table of another key: on the menu table the product-name rule (255 characters) refuses such keys first.
        var source = new RecordSource(LoaderRun.TempFile("key.ndjson", $"{{\"id\":\"{name}\"}}"), InputFormat.Ndjson);
        var outcome = InputValidator.Validate([source], new TableSchema([("id", "S")], []), DuplicatePolicy.Fail, 100, CancellationToken.None);

        Assert.Equal(valid, outcome.IsValid);
        if (!valid) Assert.Contains($"the partition key is {characters * bytesPerCharacter:N0} bytes; DynamoDB allows at most 2,048", Assert.Single(outcome.Errors).Reason);
    }

    [Fact]
    public void A_sort_key_over_1024_bytes_is_refused()
    {
        var composite = new TableSchema([("pk", "S"), ("sk", "S")], []);
        Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue> Item(int sortKeyBytes) => new()
        {
            ["pk"] = new() { S = "p" },
            ["sk"] = new() { S = new string('s', sortKeyBytes) },
        };

        Assert.Empty(ItemRules.Check(Item(1024), composite));
        var problem = Assert.Single(ItemRules.Check(Item(1025), composite));
        Assert.Equal("sk", problem.Attribute);
        Assert.Equal("the sort key is 1,025 bytes; DynamoDB allows at most 1,024", problem.Reason);
    }

    [Fact]
    public void Keys_in_messages_keep_their_characters()
    {
        var outcome = Validate("accents.ndjson", "{\"product_name\":\"café ☕\"}\n{\"product_name\":\"café ☕\"}\n");

        Assert.Contains("duplicate key {\"product_name\":\"café ☕\"}", Assert.Single(outcome.Errors).Reason);
    }

    [Fact]
    public void An_item_over_400_KB_is_rejected()
    {
        var outcome = Validate("big.ndjson", $"{{\"product_name\":\"a\",\"description\":\"{new string('x', 410 * 1024)}\"}}\n");

        Assert.Contains("400 KB", Assert.Single(outcome.Errors).Reason);
    }

    [Fact]
    public void Duplicate_keys_fail_by_default_naming_both_places_and_numbers_compare_by_value()
    {
        var schema = new TableSchema([("id", "N")], []);
        var path = LoaderRun.TempFile("d.ndjson", "{\"id\":1}\n{\"id\":2}\n{\"id\":1.0}\n{\"id\":10E-1}\n");
        var outcome = InputValidator.Validate([new RecordSource(path, InputFormat.Ndjson)], schema, DuplicatePolicy.Fail, 100, CancellationToken.None);

        Assert.Equal(2, outcome.ErrorCount);
        Assert.Equal([3, 4], outcome.Errors.Select(e => e.Line));
        Assert.Contains($"first at {path}:1", outcome.Errors[0].Reason);
    }

    [Fact]
    public void Last_wins_keeps_the_last_record_of_each_key_and_counts_the_others_as_superseded()
    {
        var outcome = Validate("d.ndjson", "{\"product_name\":\"a\",\"v\":1}\n{\"product_name\":\"b\"}\n{\"product_name\":\"a\",\"v\":2}\n", duplicates: DuplicatePolicy.LastWins);

        Assert.True(outcome.IsValid);
        Assert.Equal(1, outcome.Superseded);
        Assert.Equal(2, outcome.ItemsToWrite);
        Assert.Equal(2, outcome.Winners[ItemKey.Hash("Sa")].Ordinal);
    }

    [Fact]
    public void Errors_beyond_the_cap_are_counted()
    {
        var content = string.Concat(Enumerable.Range(0, 250).Select(_ => "{\"product_name\":\"\"}\n"));
        var path = LoaderRun.TempFile("many.ndjson", content);
        var outcome = InputValidator.Validate([new RecordSource(path, InputFormat.Ndjson)], Menu, DuplicatePolicy.Fail, 100, CancellationToken.None);

        Assert.Equal(250, outcome.ErrorCount);
        Assert.Equal(100, outcome.Errors.Count);
    }

    [Theory]
    [InlineData("1", "1E1")]
    [InlineData("1.0", "1E1")]
    [InlineData("10E-1", "1E1")]
    [InlineData("-0.00120", "-12E-2")]
    [InlineData("0.000", "0")]
    [InlineData("1200", "12E4")]
    public void Numbers_in_keys_are_canonical_by_value(string number, string canonical)
    {
        Assert.Equal(canonical, ItemKey.CanonicalNumber(number));
    }
}
