import Foundation
import TablemendDocx
import TablemendModel

/// Reads "XML Spreadsheet 2003" files (`<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">`,
/// often named `.xls` by the budget systems that write them) into a `Workbook`.
///
/// `ss:Index` skips rows and cells, `ss:MergeAcross` / `ss:MergeDown` are spans, `ss:Data`
/// holds the value with its `ss:Type`, and a style's `NumberFormat` formats numbers and dates.
enum SpreadsheetMLReader {
  static let namespace = "urn:schemas-microsoft-com:office:spreadsheet"

  /// True when the first element of `data` is a `Workbook` and the prolog declares the
  /// SpreadsheetML namespace.
  static func accepts(_ data: Data) -> Bool {
    let head = String(decoding: data.prefix(8192), as: UTF8.self)
    guard head.has(namespace) else { return false }
    var rest = Substring(head)
    while let open = rest.firstIndex(of: "<") {
      let after = rest[rest.index(after: open)...]
      if after.hasPrefix("?") || after.hasPrefix("!") {
        guard let close = after.firstIndex(of: ">") else { return false }
        rest = after[after.index(after: close)...]
        continue
      }
      let name = after.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
      return name == "Workbook" || name.hasSuffix(":Workbook")
    }
    return false
  }

  static func read(_ data: Data, limits: Limits) throws(SheetsError) -> Workbook {
    var workbook = Workbook()
    var styles: [String: String] = [:]
    var styleID: String?
    var sheet: Sheet?
    var row = -1
    var column = -1
    // The current cell's first column (`column` moves past its merge).
    var cellColumn = 0
    var inData = false
    // A cell's comment has its own ss:Data, which is not the cell's text.
    var inComment = false
    var dataType = "String"
    var dataText = ""
    var cellStyle: String?
    var inVisible = false
    var visibleText = ""
    var sawRoot = false
    let maxCells = limits.maxCellsPerTable * 4
    do {
      try data.withBytes { (bytes) throws(DocxError) in
        let stream = try XMLStream(bytes: bytes, part: nil, maxDepth: limits.maxXMLDepth)
        try stream.parse { (stream) throws(DocxError) in
          func integer(_ name: StaticString) throws(DocxError) -> Int? {
            guard let text = stream.attribute(anyNamespace: name) else { return nil }
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)), value >= 0,
              value <= CellReference.maxRows
            else {
              throw DocxError(
                place: stream.currentLocation().description,
                message: "ss:\(name) \"\(text)\" is not a row or column number")
            }
            return value
          }
          switch stream.kind {
          case .elementStart:
            let local = stream.localName
            if !sawRoot {
              sawRoot = true
              guard local == "Workbook" else {
                throw DocxError(
                  place: stream.currentLocation().description,
                  message: "not an Excel 2003 XML workbook: the root element is <\(local)>")
              }
              return
            }
            switch local {
            case "Style": styleID = stream.attribute(anyNamespace: "ID")
            case "NumberFormat":
              if let id = styleID, let format = stream.attribute(anyNamespace: "Format") {
                styles[id] = Self.namedFormat(format)
              }
            case "Worksheet":
              if let finished = sheet { workbook.sheets.append(finished) }
              sheet = Sheet(
                name: stream.attribute(anyNamespace: "Name") ?? "Sheet\(workbook.sheets.count + 1)")
              row = -1
            case "Column":
              if let index = try integer("Index"), index >= 1 {
                column = index - 1
              } else {
                column += 1
              }
              let span = try integer("Span") ?? 0
              if stream.attribute(anyNamespace: "Hidden") == "1", column < CellReference.maxColumns
              {
                for c in column..<min(column + span + 1, CellReference.maxColumns) {
                  sheet?.hiddenColumns.insert(c)
                }
              }
              column += span
            case "Table": column = -1
            case "Row":
              if let index = try integer("Index"), index >= 1 { row = index - 1 } else { row += 1 }
              guard row < CellReference.maxRows else {
                throw DocxError(
                  place: stream.currentLocation().description,
                  message:
                    "row \(row + 1) is past the largest sheet (\(CellReference.maxRows) rows)")
              }
              column = -1
              if stream.attribute(anyNamespace: "Hidden") == "1" { sheet?.hiddenRows.insert(row) }
            case "Cell":
              if let index = try integer("Index"), index >= 1 {
                column = index - 1
              } else {
                column += 1
              }
              guard column < CellReference.maxColumns, row >= 0 else {
                throw DocxError(
                  place: stream.currentLocation().description,
                  message:
                    "cell outside the largest sheet (\(CellReference.maxColumns) columns) or outside a row"
                )
              }
              cellStyle = stream.attribute(anyNamespace: "StyleID")
              let across = try integer("MergeAcross") ?? 0
              let down = try integer("MergeDown") ?? 0
              let first = column
              if across > 0 || down > 0 {
                sheet?.merges.append(
                  CellRange(
                    firstRow: row, firstColumn: first,
                    lastRow: min(row + down, CellReference.maxRows - 1),
                    lastColumn: min(first + across, CellReference.maxColumns - 1)))
              }
              column = min(first + across, CellReference.maxColumns - 1)
              dataText = ""
              dataType = ""
              // The cell's value is stored at its first column.
              cellColumn = first
            case "Comment": inComment = true
            case "Data" where !inComment:
              inData = true
              dataType = stream.attribute(anyNamespace: "Type") ?? "String"
            case "Visible": inVisible = true
            default: break
            }
          case .elementEnd:
            switch stream.localName {
            case "Style": styleID = nil
            case "Comment": inComment = false
            case "Data" where !inComment: inData = false
            case "Visible":
              inVisible = false
              if visibleText.contains("Hidden") { sheet?.hidden = true }
              visibleText = ""
            case "Cell":
              let text = Self.display(
                dataText, type: dataType, format: cellStyle.flatMap { styles[$0] })
              if !text.isEmpty, var current = sheet {
                if current.cells.count >= maxCells {
                  throw DocxError(
                    place: stream.currentLocation().description,
                    message:
                      "more than \(maxCells) cells with text in one sheet (limit 4 × maxCellsPerTable)"
                  )
                }
                current.cells.append(
                  SheetCell(row: row, column: cellColumn, text: Text.lines(text)))
                sheet = current
              }
            default: break
            }
          case .text:
            if inData {
              dataText += stream.text
            } else if inVisible {
              visibleText += stream.text
            }
          }
        }
      }
    } catch {
      throw SheetsError(place: error.place, message: error.message)
    }
    if let finished = sheet { workbook.sheets.append(finished) }
    return workbook
  }

  /// SpreadsheetML's named formats as codes.
  static func namedFormat(_ format: String) -> String {
    switch format {
    case "General", "General Number": return "General"
    case "Fixed": return "0.00"
    case "Standard": return "#,##0.00"
    case "Percent": return "0.00%"
    case "Scientific": return "0.00E+00"
    case "Short Date": return "yyyy/m/d"
    case "Medium Date": return "dd-mmm-yy"
    case "Long Date": return "yyyy\"年\"m\"月\"d\"日\""
    case "Short Time": return "h:mm"
    case "Medium Time": return "h:mm AM/PM"
    case "Long Time": return "h:mm:ss"
    case "Yes/No", "True/False", "On/Off": return "General"
    default: return format
    }
  }

  /// The text a cell shows for its `ss:Data`.
  static func display(_ text: String, type: String, format: String?) -> String {
    switch type {
    case "Number":
      guard let value = Double(text.trimmingCharacters(in: .whitespaces)) else { return text }
      return NumberFormat.format(value, code: format, date1904: false)
    case "Boolean":
      return text == "1" ? "TRUE" : (text.isEmpty ? "" : "FALSE")
    case "DateTime":
      guard let serial = serial(ofISO: text) else { return text }
      return NumberFormat.format(serial, code: format ?? "yyyy/m/d", date1904: false)
    default: return text
    }
  }

  /// `2021-03-04T12:00:00.000` as a 1900-system serial.
  static func serial(ofISO text: String) -> Double? {
    let digits = text.split { !$0.isNumber }.compactMap { Int($0) }
    guard digits.count >= 3, (1900...9999).contains(digits[0]), (1...12).contains(digits[1]),
      (1...31).contains(digits[2])
    else { return nil }
    // Days from 1970-01-01 (Howard Hinnant's days_from_civil).
    let y = digits[1] <= 2 ? digits[0] - 1 : digits[0]
    let era = y / 400
    let yoe = y - era * 400
    let mp = (digits[1] + 9) % 12
    let doy = (153 * mp + 2) / 5 + digits[2] - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    let days = era * 146_097 + doe - 719_468
    var serial = Double(days + 25569)
    if serial < 61 { serial -= 1 }
    let hour = digits.count > 3 ? digits[3] : 0
    let minute = digits.count > 4 ? digits[4] : 0
    let second = digits.count > 5 ? digits[5] : 0
    return serial + Double(hour * 3600 + minute * 60 + second) / 86400
  }
}
