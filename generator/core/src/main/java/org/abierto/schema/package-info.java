/** The JSON Schemas of Abierto's YAML files and their validation (networknt json-schema-validator). */
package org.abierto.schema;
