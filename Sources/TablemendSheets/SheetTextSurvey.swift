/// What a caller learns from the text of every cell of a sheet too large to hold, while the
/// sheet is read (`SheetsReader.readGrids`): such a sheet's tables are left unbuilt and their
/// cells read again only when written, so whatever the caller needs of their text before then
/// (whether a table may hold a form, how many level labels the tables hold) is tallied here,
/// table by table (`SheetGrid.surveyed`).
public struct SheetTextSurvey: Sendable {
  /// What the texts of one table gave: whether one of them was marked, and the sum of their
  /// counts.
  public struct Tally: Sendable, Hashable {
    public var marked: Bool
    public var count: Int

    public init(marked: Bool = false, count: Int = 0) {
      self.marked = marked
      self.count = count
    }

    /// Both tallies together.
    func adding(_ other: Tally) -> Tally {
      Tally(marked: marked || other.marked, count: count + other.count)
    }
  }

  /// Makes the function that reads one text; called once per sheet on the thread that reads
  /// it, so that the function may keep a cache of its own.
  let make: @Sendable () -> (String) -> Tally

  /// - Parameter make: Makes the function that tallies one cell's text (non-empty, as the
  ///   table's cell shows it); it is called on the cells of every table in reading order.
  public init(_ make: @escaping @Sendable () -> (String) -> Tally) {
    self.make = make
  }
}
