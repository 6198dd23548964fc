namespace PlanLedger.Documents.Tests.Specs;

/// <summary>Runs every example of the spec files under Specs/ (they double as the engine's documentation).</summary>
public class SpecTests
{
    public static IEnumerable<object[]> Structure() => SpecFile.Load("structure.md");
    public static IEnumerable<object[]> Targets() => SpecFile.Load("targets.md");
    public static IEnumerable<object[]> Units() => SpecFile.Load("units-and-deadlines.md");
    public static IEnumerable<object[]> Metadata() => SpecFile.Load("metadata-and-noise.md");
    public static IEnumerable<object[]> Tables() => SpecFile.Load("tables.md");

    [Theory, MemberData(nameof(Structure))] public void Structure_spec(SpecFile.Example e) => Check(e);
    [Theory, MemberData(nameof(Targets))] public void Targets_spec(SpecFile.Example e) => Check(e);
    [Theory, MemberData(nameof(Units))] public void Units_and_deadlines_spec(SpecFile.Example e) => Check(e);
    [Theory, MemberData(nameof(Metadata))] public void Metadata_and_noise_spec(SpecFile.Example e) => Check(e);
    [Theory, MemberData(nameof(Tables))] public void Tables_spec(SpecFile.Example e) => Check(e);

    public static IEnumerable<object[]> Layouts() => SpecFile.Load("layouts.md");
    public static IEnumerable<object[]> Responsibility() => SpecFile.Load("responsibility-notes.md");
    public static IEnumerable<object[]> Fields() => SpecFile.Load("document-fields.md");
    public static IEnumerable<object[]> Extraction() => SpecFile.Load("targets-and-deadlines-2.md");

    [Theory, MemberData(nameof(Layouts))] public void Layouts_spec(SpecFile.Example e) => Check(e);
    [Theory, MemberData(nameof(Responsibility))] public void Responsibility_notes_spec(SpecFile.Example e) => Check(e);
    [Theory, MemberData(nameof(Fields))] public void Document_fields_spec(SpecFile.Example e) => Check(e);
    [Theory, MemberData(nameof(Extraction))] public void Targets_and_deadlines_spec(SpecFile.Example e) => Check(e);

    public static IEnumerable<object[]> InlineLabels() => SpecFile.Load("inline-labels.md");
    [Theory, MemberData(nameof(InlineLabels))] public void Inline_labels_spec(SpecFile.Example e) => Check(e);

    public static IEnumerable<object[]> NumberedParagraphs() => SpecFile.Load("numbered-paragraphs.md");
    public static IEnumerable<object[]> Attachments() => SpecFile.Load("attachments.md");
    public static IEnumerable<object[]> RealTables() => SpecFile.Load("real-tables.md");
    public static IEnumerable<object[]> StepTables() => SpecFile.Load("step-tables.md");
    public static IEnumerable<object[]> FlatTables() => SpecFile.Load("flat-tables.md");
    public static IEnumerable<object[]> InlineRuns() => SpecFile.Load("inline-runs.md");
    [Theory, MemberData(nameof(NumberedParagraphs))] public void Numbered_paragraphs_spec(SpecFile.Example e) => Check(e);
    [Theory, MemberData(nameof(Attachments))] public void Attachments_spec(SpecFile.Example e) => Check(e);
    [Theory, MemberData(nameof(RealTables))] public void Real_tables_spec(SpecFile.Example e) => Check(e);
    [Theory, MemberData(nameof(StepTables))] public void Step_tables_spec(SpecFile.Example e) => Check(e);
    [Theory, MemberData(nameof(FlatTables))] public void Flat_tables_spec(SpecFile.Example e) => Check(e);
    [Theory, MemberData(nameof(InlineRuns))] public void Inline_runs_spec(SpecFile.Example e) => Check(e);

    public static IEnumerable<object[]> UnseenDocuments() => SpecFile.Load("unseen-documents.md");
    [Theory, MemberData(nameof(UnseenDocuments))] public void Unseen_documents_spec(SpecFile.Example e) => Check(e);

    public static IEnumerable<object[]> UnseenDocuments2() => SpecFile.Load("unseen-documents-2.md");
    [Theory, MemberData(nameof(UnseenDocuments2))] public void Unseen_documents_round4_spec(SpecFile.Example e) => Check(e);

    public static IEnumerable<object[]> UnseenDocuments3() => SpecFile.Load("unseen-documents-3.md");
    [Theory, MemberData(nameof(UnseenDocuments3))] public void Unseen_documents_round5_spec(SpecFile.Example e) => Check(e);

    public static IEnumerable<object[]> UnseenDocuments4() => SpecFile.Load("unseen-documents-4.md");
    [Theory, MemberData(nameof(UnseenDocuments4))] public void Unseen_documents_round6_spec(SpecFile.Example e) => Check(e);

    public static IEnumerable<object[]> UnseenDocuments5() => SpecFile.Load("unseen-documents-5.md");
    [Theory, MemberData(nameof(UnseenDocuments5))] public void Unseen_documents_round7_spec(SpecFile.Example e) => Check(e);

    public static IEnumerable<object[]> UnseenDocuments6() => SpecFile.Load("unseen-documents-6.md");
    [Theory, MemberData(nameof(UnseenDocuments6))] public void Unseen_documents_round8_spec(SpecFile.Example e) => Check(e);

    public static IEnumerable<object[]> UnseenDocuments7() => SpecFile.Load("unseen-documents-7.md");
    [Theory, MemberData(nameof(UnseenDocuments7))] public void Unseen_documents_round9_spec(SpecFile.Example e) => Check(e);

    public static IEnumerable<object[]> UnseenDocuments8() => SpecFile.Load("unseen-documents-8.md");
    [Theory, MemberData(nameof(UnseenDocuments8))] public void Unseen_documents_round10_spec(SpecFile.Example e) => Check(e);

    public static IEnumerable<object[]> UnseenDocuments9() => SpecFile.Load("unseen-documents-9.md");
    [Theory, MemberData(nameof(UnseenDocuments9))] public void Unseen_documents_round11_spec(SpecFile.Example e) => Check(e);

    public static IEnumerable<object[]> UnseenDocuments10() => SpecFile.Load("unseen-documents-10.md");
    [Theory, MemberData(nameof(UnseenDocuments10))] public void Unseen_documents_round13_spec(SpecFile.Example e) => Check(e);

    public static IEnumerable<object[]> UnseenDocuments11() => SpecFile.Load("unseen-documents-11.md");
    [Theory, MemberData(nameof(UnseenDocuments11))] public void Unseen_documents_round14_spec(SpecFile.Example e) => Check(e);

    public static IEnumerable<object[]> UnseenDocuments12() => SpecFile.Load("unseen-documents-12.md");
    [Theory, MemberData(nameof(UnseenDocuments12))] public void Unseen_documents_round15_spec(SpecFile.Example e) => Check(e);

    public static IEnumerable<object[]> UnseenDocuments13() => SpecFile.Load("unseen-documents-13.md");
    [Theory, MemberData(nameof(UnseenDocuments13))] public void Unseen_documents_round16_spec(SpecFile.Example e) => Check(e);

    public static IEnumerable<object[]> UnseenDocuments14() => SpecFile.Load("unseen-documents-14.md");
    [Theory, MemberData(nameof(UnseenDocuments14))] public void Unseen_documents_round17_spec(SpecFile.Example e) => Check(e);

    private static void Check(SpecFile.Example e)
    {
        var doc = e.Html
            ? PlanParser.Parse(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(e.Input)), "input.html")
            : PlanParser.ParseText(e.Input);
        var actual = SpecRenderer.Render(doc, e.WithMeta, e.Positions);
        Assert.True(e.Expected == actual, $"{e}\n--- expected\n{e.Expected}\n--- actual\n{actual}");
    }
}
