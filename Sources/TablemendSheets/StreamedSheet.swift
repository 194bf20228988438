/// A sheet read without holding its cells: its summary, to lay out its tables, and its spill or
/// part, to read the cells back as the tables are written.
struct StreamedSheet: Sendable {
  let summary: SheetSummary
  let replay: SheetReplay
}
