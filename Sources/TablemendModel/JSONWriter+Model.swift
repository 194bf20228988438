// Each model type writes its keys in UTF-8 byte order (upper case before lower case, a prefix
// before its extensions: `max` < `maxInclusive`), with the nil handling of its `Encodable`
// form: synthesized conformances and `encodeIfPresent` leave nil keys out, the custom
// `encode(to:)` methods that call `encode` on an optional write `null`.

extension Document: JSONWritable {
  func writeJSON(into w: inout JSONWriter) {
    writeJSONBeforeTables(into: &w)
    w.array(tables)
    w.endObject()
  }

  /// Everything up to and including the `"tables":` key (the last key); the tables' array and
  /// the closing brace follow.
  func writeJSONBeforeTables(into w: inout JSONWriter) {
    w.beginObject()
    var first = true
    w.key("diagnostics", &first)
    w.array(diagnostics)
    w.key("forms", &first)
    w.array(forms)
    w.key("model", &first)
    w.string(model)
    w.key("source", &first)
    source.writeJSON(into: &w)
    w.key("tables", &first)
  }
}

extension Source: JSONWritable {
  func writeJSON(into w: inout JSONWriter) {
    w.beginObject()
    var first = true
    w.key("dialect", &first)
    w.string(dialect)
    w.key("encoding", &first)
    w.string(encoding)
    w.key("path", &first)
    w.string(path)
    w.key("sha256", &first)
    w.string(sha256)
    w.endObject()
  }
}

extension Table: JSONWritable {
  func writeJSON(into w: inout JSONWriter) {
    w.beginObject()
    var first = true
    w.key("cells", &first)
    w.array(cells)
    writeJSONAfterCells(into: &w, &first)
  }

  /// The table's JSON with the cells `forEachCell` hands over in place of `cells` (a sheet's
  /// grid makes them one at a time), `afterCell` called after each (where output written in
  /// pieces hands a full buffer on).
  func writeJSON(
    into w: inout JSONWriter, forEachCell: ((Cell) -> Void) -> Void,
    afterCell: (inout JSONWriter) -> Void
  ) {
    w.beginObject()
    var first = true
    w.key("cells", &first)
    // What `w.array(cells)` writes.
    w.beginArray()
    var firstCell = true
    // Neither closure outlives this call.
    withoutActuallyEscaping(afterCell) { afterCell in
      forEachCell { cell in
        if firstCell { firstCell = false } else { w.comma() }
        cell.writeJSON(into: &w)
        afterCell(&w)
      }
    }
    w.endArray()
    writeJSONAfterCells(into: &w, &first)
  }

  func writeJSONAfterCells(into w: inout JSONWriter, _ first: inout Bool) {
    w.key("columnCount", &first)
    w.int(columnCount)
    w.key("id", &first)
    w.string(id)
    w.key("rowCount", &first)
    w.int(rowCount)
    w.endObject()
  }
}

extension Cell: JSONWritable {
  func writeJSON(into w: inout JSONWriter) {
    w.beginObject()
    var first = true
    w.key("column", &first)
    w.int(column)
    w.key("columnSpan", &first)
    w.int(columnSpan)
    w.key("inferred", &first)
    w.array(inferred)
    w.key("location", &first)
    location.writeJSON(into: &w)
    w.key("paragraphs", &first)
    w.array(paragraphs)
    w.key("row", &first)
    w.int(row)
    w.key("rowSpan", &first)
    w.int(rowSpan)
    if let tables {
      w.key("tables", &first)
      w.array(tables)
    }
    w.key("text", &first)
    w.string(text)
    w.endObject()
  }
}

extension Location: JSONWritable {
  func writeJSON(into w: inout JSONWriter) {
    w.beginObject()
    var first = true
    if let box {
      w.key("box", &first)
      let b = box
      w.beginArray()
      w.double(b.x0)
      w.comma()
      w.double(b.y0)
      w.comma()
      w.double(b.x1)
      w.comma()
      w.double(b.y1)
      w.endArray()
    }
    w.key("column", &first)
    w.int(column)
    w.key("line", &first)
    w.int(line)
    if let page {
      w.key("page", &first)
      w.int(page)
    }
    if let part {
      w.key("part", &first)
      w.string(part)
    }
    if let ref {
      w.key("ref", &first)
      w.string(ref)
    }
    if let sheet {
      w.key("sheet", &first)
      w.string(sheet)
    }
    w.endObject()
  }
}

extension Diagnostic: JSONWritable {
  func writeJSON(into w: inout JSONWriter) {
    w.beginObject()
    var first = true
    w.key("code", &first)
    w.string(code)
    w.key("location", &first)
    if let location { location.writeJSON(into: &w) } else { w.null() }
    w.key("message", &first)
    w.string(message)
    w.key("severity", &first)
    w.string(severity.rawValue)
    w.endObject()
  }
}

extension Form: JSONWritable {
  func writeJSON(into w: inout JSONWriter) {
    w.beginObject()
    var first = true
    w.key("fields", &first)
    w.object(fields)
    w.key("funds", &first)
    w.array(funds)
    w.key("goals", &first)
    w.array(goals)
    w.key("indicators", &first)
    w.array(indicators)
    w.key("kind", &first)
    w.string(kind.rawValue)
    w.key("location", &first)
    location.writeJSON(into: &w)
    w.key("records", &first)
    w.array(records)
    w.key("tables", &first)
    w.array(tables)
    w.key("title", &first)
    if let title { w.string(title) } else { w.null() }
    w.key("year", &first)
    if let year { w.int(year) } else { w.null() }
    w.endObject()
  }
}

extension Fund: JSONWritable {
  func writeJSON(into w: inout JSONWriter) {
    w.beginObject()
    var first = true
    w.key("amount", &first)
    w.double(amount)
    if let category {
      w.key("category", &first)
      w.string(category)
    }
    w.key("label", &first)
    w.string(label)
    w.key("period", &first)
    w.string(period)
    w.key("unit", &first)
    w.string(unit)
    w.endObject()
  }
}

extension Goal: JSONWritable {
  func writeJSON(into w: inout JSONWriter) {
    w.beginObject()
    var first = true
    w.key("items", &first)
    w.array(items)
    w.key("period", &first)
    w.string(period)
    w.endObject()
  }
}

extension Record: JSONWritable {
  func writeJSON(into w: inout JSONWriter) {
    w.beginObject()
    var first = true
    w.key("fields", &first)
    w.object(fields)
    w.key("section", &first)
    w.string(section)
    w.endObject()
  }
}

extension Indicator: JSONWritable {
  func writeJSON(into w: inout JSONWriter) {
    w.beginObject()
    var first = true
    if let evaluation {
      w.key("evaluation", &first)
      w.object(evaluation)
    }
    w.key("history", &first)
    w.array(history)
    w.key("level1", &first)
    w.string(level1)
    w.key("level2", &first)
    w.string(level2)
    w.key("level3", &first)
    w.string(level3)
    w.key("location", &first)
    location.writeJSON(into: &w)
    w.key("period", &first)
    w.string(period)
    w.key("standard", &first)
    if let standard { w.string(standard) } else { w.null() }
    w.key("value", &first)
    value.writeJSON(into: &w)
    w.endObject()
  }
}

extension HistoryValue: JSONWritable {
  func writeJSON(into w: inout JSONWriter) {
    w.beginObject()
    var first = true
    w.key("label", &first)
    w.string(label)
    w.key("value", &first)
    value.writeJSON(into: &w)
    w.endObject()
  }
}

extension Value: JSONWritable {
  func writeJSON(into w: inout JSONWriter) {
    w.beginObject()
    var first = true
    if let approximate {
      w.key("approximate", &first)
      w.bool(approximate)
    }
    if let at {
      w.key("at", &first)
      w.string(at)
    }
    if let baseUnit {
      w.key("baseUnit", &first)
      w.string(baseUnit)
    }
    if let baseValue {
      w.key("baseValue", &first)
      w.double(baseValue)
    }
    if let date {
      w.key("date", &first)
      date.writeJSON(into: &w)
    }
    if let direction {
      w.key("direction", &first)
      w.string(direction)
    }
    if let every {
      w.key("every", &first)
      w.string(every)
    }
    if let from {
      w.key("from", &first)
      from.writeJSON(into: &w)
    }
    if let grade {
      w.key("grade", &first)
      w.string(grade)
    }
    w.key("kind", &first)
    w.string(kind.rawValue)
    if let max {
      w.key("max", &first)
      w.double(max)
    }
    if let maxInclusive {
      w.key("maxInclusive", &first)
      w.bool(maxInclusive)
    }
    if let min {
      w.key("min", &first)
      w.double(min)
    }
    if let minInclusive {
      w.key("minInclusive", &first)
      w.bool(minInclusive)
    }
    if let op {
      w.key("op", &first)
      w.string(op.rawValue)
    }
    if let parts {
      w.key("parts", &first)
      w.array(parts)
    }
    if let per {
      w.key("per", &first)
      w.string(per)
    }
    w.key("raw", &first)
    w.string(raw)
    if let subject {
      w.key("subject", &first)
      w.string(subject)
    }
    if let text {
      w.key("text", &first)
      w.string(text)
    }
    if let unit {
      w.key("unit", &first)
      w.string(unit)
    }
    if let unparsed {
      w.key("unparsed", &first)
      w.array(unparsed)
    }
    if let value {
      w.key("value", &first)
      w.double(value)
    }
    w.endObject()
  }
}

extension Value.DateParts: JSONWritable {
  func writeJSON(into w: inout JSONWriter) {
    w.beginObject()
    var first = true
    if let day {
      w.key("day", &first)
      w.int(day)
    }
    if let month {
      w.key("month", &first)
      w.int(month)
    }
    if let quarter {
      w.key("quarter", &first)
      w.int(quarter)
    }
    if let relation {
      w.key("relation", &first)
      w.string(relation)
    }
    if let year {
      w.key("year", &first)
      w.int(year)
    }
    w.endObject()
  }
}

extension Value.Part: JSONWritable {
  func writeJSON(into w: inout JSONWriter) {
    w.beginObject()
    var first = true
    if let label {
      w.key("label", &first)
      w.string(label)
    }
    w.key("value", &first)
    value.writeJSON(into: &w)
    w.endObject()
  }
}

extension Array: JSONWritable where Element: JSONWritable {
  func writeJSON(into w: inout JSONWriter) { w.array(self) }
}

extension Dictionary: JSONWritable where Key == String, Value == String {
  func writeJSON(into w: inout JSONWriter) { w.object(self) }
}
