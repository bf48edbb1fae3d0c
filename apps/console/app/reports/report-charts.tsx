'use client';

import { type ReactNode, useEffect, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface DurationBar {
  label: string;
  median: number;
  p90: number;
}

export interface SlaBar {
  label: string;
  met: number;
  breached: number;
}

/**
 * Charts are drawn in the browser only: the content security policy refuses inline style attributes in server HTML,
 * while styles React sets on live elements are allowed. The table beside each chart carries the same numbers.
 */
function ChartFrame({ label, children }: { label: string; children: ReactNode }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return (
    <figure role="img" aria-label={label} className="chart-figure">
      {mounted ? children : null}
    </figure>
  );
}

const MEDIAN = '#1f5fbf';
const P90 = '#8aa9d6';
const MET = '#1c6336';
const BREACHED = '#9b1c13';

const legendText = (value: string) => <span className="chart-legend">{value}</span>;

/** Median and 90th percentile per group, in the unit given. The numbers are in the table beside it. */
export function DurationChart({ data, title, unit }: { data: DurationBar[]; title: string; unit: string }) {
  return (
    <ChartFrame label={`${title}: bar chart, figures in the table beside it`}>
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} />
          <YAxis tick={{ fontSize: 11 }} unit={` ${unit}`} width={64} />
          <Tooltip formatter={(value) => `${String(value)} ${unit}`} />
          <Legend formatter={legendText} />
          <Bar dataKey="median" name="Median" fill={MEDIAN} isAnimationActive={false} />
          <Bar dataKey="p90" name="90th percentile" fill={P90} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

/** Clocks met and breached per group, stacked. */
export function SlaChart({ data, title }: { data: SlaBar[]; title: string }) {
  return (
    <ChartFrame label={`${title}: stacked bar chart, figures in the table beside it`}>
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} />
          <YAxis tick={{ fontSize: 11 }} allowDecimals={false} width={40} />
          <Tooltip />
          <Legend formatter={legendText} />
          <Bar dataKey="met" name="Met" stackId="sla" fill={MET} isAnimationActive={false} />
          <Bar dataKey="breached" name="Breached" stackId="sla" fill={BREACHED} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
