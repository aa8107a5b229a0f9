//! A small JSON Schema validator for the subset the comparison schema uses
//! (`schema/comparison.v1.schema.json`), so tests can check output against
//! the schema without a validator crate.
//!
//! Supported keywords: `type` (a name or a list), `properties`, `required`,
//! `additionalProperties` (boolean or schema), `items`, `enum`, `const`,
//! `minimum`, `minItems`, `$ref` to `#/$defs/…`; annotations (`$schema`,
//! `$id`, `$comment`, `title`, `description`, `$defs`) are ignored. Any
//! other keyword is reported as an error, so the schema cannot silently
//! rely on something this validator does not check.

use serde_json::Value;

/// Annotation keywords that carry no constraint.
const ANNOTATIONS: &[&str] = &["$schema", "$id", "$comment", "title", "description", "$defs"];

/// Validates `value` against `schema`; returns one message per violation,
/// each starting with the JSON pointer of the offending value.
pub fn validate(schema: &Value, value: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    check(schema, schema, value, "", &mut errors);
    errors
}

fn type_ok(t: &str, v: &Value) -> bool {
    match t {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "integer" => v.is_i64() || v.is_u64(),
        "number" => v.is_number(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        _ => false,
    }
}

fn check(root: &Value, schema: &Value, v: &Value, at: &str, errors: &mut Vec<String>) {
    let Some(s) = schema.as_object() else {
        if schema.as_bool() == Some(false) {
            errors.push(format!("{at}: not allowed"));
        }
        return;
    };
    for (k, rule) in s {
        match k.as_str() {
            "$ref" => {
                let target = rule
                    .as_str()
                    .and_then(|r| r.strip_prefix("#/$defs/"))
                    .and_then(|name| root.get("$defs").and_then(|d| d.get(name)));
                match target {
                    Some(t) => check(root, t, v, at, errors),
                    None => errors.push(format!("{at}: unresolvable $ref {rule}")),
                }
            }
            "type" => {
                let ok = match rule {
                    Value::String(t) => type_ok(t, v),
                    Value::Array(ts) => ts.iter().filter_map(Value::as_str).any(|t| type_ok(t, v)),
                    _ => false,
                };
                if !ok {
                    errors.push(format!("{at}: expected type {rule}, got {}", short(v)));
                }
            }
            "properties" => {
                if let (Some(props), Some(obj)) = (rule.as_object(), v.as_object()) {
                    for (name, sub) in props {
                        if let Some(x) = obj.get(name) {
                            check(root, sub, x, &format!("{at}/{name}"), errors);
                        }
                    }
                }
            }
            "required" => {
                if let (Some(req), Some(obj)) = (rule.as_array(), v.as_object()) {
                    for name in req.iter().filter_map(Value::as_str) {
                        if !obj.contains_key(name) {
                            errors.push(format!("{at}: missing required property {name:?}"));
                        }
                    }
                }
            }
            "additionalProperties" => {
                if let Some(obj) = v.as_object() {
                    let props = s.get("properties").and_then(Value::as_object);
                    for (name, x) in obj {
                        if props.is_some_and(|p| p.contains_key(name)) {
                            continue;
                        }
                        match rule {
                            Value::Bool(false) => {
                                errors.push(format!("{at}: unexpected property {name:?}"))
                            }
                            Value::Object(_) => {
                                check(root, rule, x, &format!("{at}/{name}"), errors)
                            }
                            _ => {}
                        }
                    }
                }
            }
            "items" => {
                if let Some(arr) = v.as_array() {
                    for (i, x) in arr.iter().enumerate() {
                        check(root, rule, x, &format!("{at}/{i}"), errors);
                    }
                }
            }
            "enum" => {
                if !rule.as_array().is_some_and(|opts| opts.contains(v)) {
                    errors.push(format!("{at}: {} not in {rule}", short(v)));
                }
            }
            "const" => {
                if rule != v {
                    errors.push(format!("{at}: expected {rule}, got {}", short(v)));
                }
            }
            "minimum" => {
                if let (Some(min), Some(x)) = (rule.as_f64(), v.as_f64())
                    && x < min
                {
                    errors.push(format!("{at}: {x} below minimum {min}"));
                }
            }
            "minItems" => {
                if let (Some(min), Some(arr)) = (rule.as_u64(), v.as_array())
                    && (arr.len() as u64) < min
                {
                    errors.push(format!("{at}: fewer than {min} items"));
                }
            }
            k if ANNOTATIONS.contains(&k) => {}
            other => errors.push(format!("{at}: schema keyword {other:?} is not supported")),
        }
    }
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn checks_the_supported_subset() {
        let schema = json!({
            "$defs": {"span": {"type": "object", "required": ["start"],
                "properties": {"start": {"type": "integer", "minimum": 0}},
                "additionalProperties": false}},
            "type": "object",
            "required": ["version", "spans"],
            "properties": {
                "version": {"const": 1},
                "kind": {"enum": ["a", "b"]},
                "name": {"type": ["string", "null"]},
                "spans": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/span"}}
            }
        });
        assert!(
            validate(&schema, &json!({"version": 1, "spans": [{"start": 0}], "name": null}))
                .is_empty()
        );
        let mut errs = validate(
            &schema,
            &json!({"version": 2, "kind": "c", "name": 3, "spans": [{"start": -1, "x": 1}, {}]}),
        );
        errs.sort();
        assert_eq!(
            errs,
            vec![
                "/kind: \"c\" not in [\"a\",\"b\"]",
                "/name: expected type [\"string\",\"null\"], got 3",
                "/spans/0/start: -1 below minimum 0",
                "/spans/0: unexpected property \"x\"",
                "/spans/1: missing required property \"start\"",
                "/version: expected 1, got 2",
            ]
        );
        assert_eq!(validate(&schema, &json!({"spans": []})).len(), 2);
        let unknown = validate(&json!({"pattern": "x"}), &json!("y"));
        assert_eq!(unknown, vec![": schema keyword \"pattern\" is not supported"]);
    }
}
