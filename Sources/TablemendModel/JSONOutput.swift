import Foundation

/// The one way tablemend writes JSON: sorted keys, unescaped slashes, UTF-8.
///
/// Same input, byte-identical output, so goldens diff cleanly. Compact output of the model
/// types (and arrays of them, and string dictionaries) goes through `JSONWriter`, which writes
/// the bytes `JSONEncoder` would write without building its intermediate tree; everything else,
/// and all pretty output, goes through `JSONEncoder` itself.
public enum JSONOutput {
  /// Encodes `value` deterministically.
  /// - Parameters:
  ///   - value: what to encode.
  ///   - pretty: indent with two spaces and one key per line.
  /// - Returns: UTF-8 JSON without a trailing newline.
  public static func encode<T: Encodable>(_ value: T, pretty: Bool = false) throws -> Data {
    if !pretty, let writable = value as? any JSONWritable {
      // A 2,000-row table writes ~270 bytes a cell: reserving up front saves the regrowth
      // copies and their page faults.
      let cells = (value as? Document)?.tables.reduce(0) { $0 + $1.cells.count } ?? 0
      var writer = JSONWriter(capacity: 4096 + 320 * cells)
      writable.writeJSON(into: &writer)
      return writer.data()
    }
    return try encodeWithFoundation(value, pretty: pretty)
  }

  /// The compact JSON of `tables` as a `Document` writes them (its `tables` value), encoded
  /// apart so that it can be written on another thread while the forms stage runs.
  public static func encodeTables(_ tables: [Table]) -> Data {
    var writer = JSONWriter(capacity: 4096 + 320 * tables.reduce(0) { $0 + $1.cells.count })
    writer.array(tables)
    return writer.data()
  }

  /// The compact JSON of `document` (what `encode(document)` gives) in three parts to write
  /// one after the other: everything before the tables, `encodedTables` (which must be
  /// `encodeTables(document.tables)`), and the closing brace.
  public static func encode(_ document: Document, encodedTables: Data) -> [Data] {
    // An indicator writes ~330 bytes.
    let indicators = document.forms.reduce(0) { $0 + $1.indicators.count + $1.records.count }
    var writer = JSONWriter(capacity: 4096 + 400 * indicators)
    document.writeJSONBeforeTables(into: &writer)
    return [writer.data(), encodedTables, Data("}".utf8)]
  }

  /// Writes the compact JSON of `document` (the bytes `encode(document)` gives) through
  /// `sink` in pieces of about `chunkSize` bytes (more when one cell's JSON is larger), so that
  /// a document of 1,000,000 cells is written without holding its 178 MB of JSON.
  /// - Parameters:
  ///   - cells: Hands each table's cells over in place of its `cells` (a caller that makes a
  ///     large table's cells one at a time); nil writes the tables' own.
  ///   - plainCells: A table's cells as `PlainSheetCell`s, written without making `Cell`s
  ///     (the same bytes), in place of `cells` for the tables it gives a source for.
  /// - Throws: What `sink` throws; nothing more is written after it.
  public static func write(
    _ document: Document, chunkSize: Int = 1 << 20,
    cells: ((Table, (Cell) -> Void) -> Void)? = nil,
    to sink: (UnsafeRawBufferPointer) throws -> Void
  ) throws {
    try write(document, chunkSize: chunkSize, cells: cells, plainCells: nil, to: sink)
  }

  /// `write(_:chunkSize:cells:to:)` with `plainCells` (see there).
  /// - Throws: What `sink` throws; nothing more is written after it.
  package static func write(
    _ document: Document, chunkSize: Int = 1 << 20,
    cells: ((Table, (Cell) -> Void) -> Void)? = nil,
    plainCells: ((Table) -> (any PlainSheetCells)?)?,
    to sink: (UnsafeRawBufferPointer) throws -> Void
  ) throws {
    let limit = max(chunkSize, 1)
    var writer = JSONWriter(capacity: limit + (64 << 10))
    var failure: (any Error)?
    document.writeJSONBeforeTables(into: &writer)
    writer.beginArray()
    var first = true
    for table in document.tables {
      if first { first = false } else { writer.comma() }
      func afterCell(_ w: inout JSONWriter) {
        guard w.byteCount >= limit else { return }
        if failure == nil {
          do { try w.drain(sink) } catch { failure = error }
        } else {
          w.drain { _ in }  // the sink failed: the rest is dropped
        }
      }
      if let source = plainCells?(table) {
        table.writeJSON(into: &writer, plainCells: source, afterCell: afterCell)
        if let failure { throw failure }
        continue
      }
      table.writeJSON(
        into: &writer,
        forEachCell: { body in
          if let cells {
            cells(table, body)
          } else {
            for cell in table.cells { body(cell) }
          }
        },
        afterCell: afterCell)
      if let failure { throw failure }
    }
    writer.endArray()
    writer.endObject()
    try writer.drain(sink)
  }

  /// Encodes `value` with Foundation's `JSONEncoder` under the same settings: the reference
  /// the fast path must match byte for byte.
  private static func encodeWithFoundation<T: Encodable>(_ value: T, pretty: Bool = false) throws
    -> Data
  {
    let encoder = JSONEncoder()
    var formatting: JSONEncoder.OutputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    if pretty { formatting.insert(.prettyPrinted) }
    encoder.outputFormatting = formatting
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    return try encoder.encode(value)
  }
}
