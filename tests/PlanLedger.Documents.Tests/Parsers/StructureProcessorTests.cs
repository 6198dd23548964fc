using PlanLedger.Documents.Parsers;
using PlanLedger.Documents.Parsers.Blocks;
using PlanLedger.Documents.Syntax;

namespace PlanLedger.Documents.Tests.Parsers;

/// <summary>The parser contract of the structure stage: a layout is added by adding a parser, and the order decides.</summary>
public class StructureProcessorTests
{
    /// <summary>An invented layout: a line "★…" is a level-1 item of its own, labelled ★.</summary>
    private sealed class StarParser : BlockParser
    {
        public override bool CanInterrupt => true;

        public override BlockState TryOpen(StructureProcessor processor)
        {
            if (processor.Paragraph is not { } p || !p.Text.StartsWith('★')) return BlockState.None;
            processor.Tree.AddTable(new TaskTable { Rows = { new ItemDraft { Kind = LabelKind.TableRow, Label = "★", Source = p, FirstOffset = p.Offset, Parser = this, First = p.Text[1..] } } });
            processor.Advance(1);
            return BlockState.Break;
        }

        public override ItemContent Content(ItemDraft item) => new(item.First, "");
    }

    private static (StructureBuilder Tree, List<Paragraph> Paragraphs) Process(string text, IReadOnlyList<BlockParser> parsers)
    {
        var paragraphs = new List<Paragraph>();
        var offset = 0;
        var line = 0;
        foreach (var t in text.Split('\n'))
        {
            line++;
            paragraphs.Add(new Paragraph(t, line, offset));
            offset += t.Length + 1;
        }
        var noise = NoiseFilter.For(paragraphs.Select(p => p.Text));
        return (new StructureProcessor(paragraphs.Cast<object>().ToList(), text, noise, ParseOptions.Default, parsers).Process(), paragraphs);
    }

    [Fact]
    public void A_new_layout_is_a_new_parser_in_the_list()
    {
        const string text = "一、加强党的建设\n（一）强化理论武装。开展学习。\n★青山市重点项目\n二、推进教育均衡";
        var (without, _) = Process(text, StructureProcessor.DefaultParsers);
        Assert.Equal(["一", "二"], without.Roots.Select(r => r.Label));
        // Without the parser the line is a paragraph after the section's last child: the section's own text.
        Assert.Contains(without.Roots[0].More, p => p.Text == "★青山市重点项目");

        var (with, _) = Process(text, [new StarParser(), .. StructureProcessor.DefaultParsers]);
        Assert.Equal(["一", "★", "二"], with.Roots.Select(r => r.Label));
        var star = with.Roots[1];
        Assert.Equal(("青山市重点项目", ""), (star.Parser.Content(star).Heading, star.Parser.Content(star).Body));
        Assert.Equal((3, text.IndexOf('★')), (star.Source!.Line, star.FirstOffset));
        Assert.Empty(with.Roots[0].More);
    }

    [Fact]
    public void An_unlabelled_paragraph_continues_the_open_item_and_a_label_opens_the_next()
    {
        var (tree, paragraphs) = Process("一、总体要求\n坚持立德树人。\n（一）强化理论武装。\n落实制度。\n（二）严格组织生活。\n二、主要任务", StructureProcessor.DefaultParsers);
        Assert.Equal(["一", "二"], tree.Roots.Select(r => r.Label));
        Assert.Same(paragraphs[1], Assert.Single(tree.Roots[0].More));
        Assert.Equal(["(一)", "(二)"], tree.Roots[0].Children.Select(c => c.Label));
        var child = tree.Roots[0].Children[0];
        Assert.Same(paragraphs[3], Assert.Single(child.More));
        Assert.Same(NumberedParagraphParser.Instance, child.Parser);
    }
}
