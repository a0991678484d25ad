"use client";

import { useEffect, useState } from "react";
import { SelectField } from "./select-field";

function allZones(): string[] {
  const list = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set(["UTC", ...list])];
}

/**
 * Time zone picker. The zone list comes from the browser after hydration (server and browser may
 * know different zones); with `detect`, the browser's own zone becomes the default.
 */
export function TimeZoneSelect({ name, defaultValue = "UTC", detect = false, error }: { name: string; defaultValue?: string; detect?: boolean; error?: string }) {
  const [value, setValue] = useState(defaultValue);
  const [zones, setZones] = useState<string[]>([defaultValue]);
  useEffect(() => {
    const list = allZones();
    let initial = defaultValue;
    if (detect) {
      const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
      if (browser) initial = browser;
    }
    setZones(list.includes(initial) ? list : [initial, ...list]);
    setValue(initial);
  }, [defaultValue, detect]);
  return (
    <SelectField
      label="Time zone"
      name={name}
      value={value}
      onChange={(e) => setValue(e.currentTarget.value)}
      options={zones.map((z) => ({ value: z, label: z.replaceAll("_", " ") }))}
      hint="Deadlines, certificate dates and your credit cycle are shown in this zone."
      error={error}
    />
  );
}
