// Only Home Assistant's theme variables: the card follows light, dark and custom themes.

import { css } from "lit";

export const cardStyles = css`
  :host {
    display: block;
  }
  ha-card {
    overflow: hidden;
  }
  .card {
    container: mtor / inline-size;
    padding: 16px;
    color: var(--primary-text-color);
    display: flex;
    flex-direction: column;
    gap: 16px;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px 16px;
  }
  h2 {
    margin: 0;
    font-size: 1.5rem;
    font-weight: 400;
    line-height: 1.3;
  }
  h3 {
    margin: 0 0 8px;
    font-size: 1rem;
    font-weight: 500;
    color: var(--secondary-text-color);
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
    -webkit-tap-highlight-color: transparent;
  }
  button:disabled {
    cursor: default;
    opacity: 0.55;
  }
  button:focus-visible,
  input:focus-visible {
    outline: 2px solid var(--primary-color);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .muted {
    color: var(--secondary-text-color);
  }
  .people {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  .person,
  .chip,
  .secondary-button {
    min-height: 44px;
    padding: 6px 14px;
    border-radius: 22px;
    border: 1px solid var(--divider-color);
    background: var(--card-background-color);
  }
  .person[aria-pressed="true"] {
    background: var(--primary-color);
    border-color: var(--primary-color);
    color: var(--text-primary-color, #fff);
  }
  .layout {
    display: grid;
    gap: 16px;
    grid-template-columns: minmax(0, 1fr);
  }
  @container mtor (min-width: 720px) {
    .layout {
      grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr);
      align-items: start;
    }
  }
  section {
    display: flex;
    flex-direction: column;
    gap: 16px;
    min-width: 0;
  }
  .panel {
    border: 1px solid var(--divider-color);
    border-radius: 12px;
    padding: 12px 14px;
  }
  .scale {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 4px 12px;
  }
  .weight {
    font-size: 3rem;
    font-weight: 300;
    line-height: 1.1;
    font-variant-numeric: tabular-nums;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 2px 10px;
    border-radius: 12px;
    font-size: 0.875rem;
    border: 1px solid var(--divider-color);
    color: var(--secondary-text-color);
  }
  .badge.settled {
    border-color: var(--success-color);
    color: var(--success-color);
    font-weight: 500;
  }
  .badge.in-use {
    background: var(--secondary-background-color);
    color: var(--primary-text-color);
  }
  .pending-list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .pending-row {
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 6px 0;
    border-top: 1px solid var(--divider-color);
  }
  .pending-row > span {
    flex: 1;
  }
  .assign[aria-pressed="true"] {
    outline: 2px solid var(--primary-color);
  }
  .badge.good {
    border-color: var(--success-color);
    color: var(--success-color);
  }
  .scale-status {
    flex-basis: 100%;
  }
  .food {
    margin-top: 12px;
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .food-name {
    font-size: 1.25rem;
    font-weight: 500;
  }
  .nutrients {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: 6px 12px;
    align-items: center;
  }
  .value {
    font-variant-numeric: tabular-nums;
    font-weight: 500;
  }
  .bar {
    height: 8px;
    border-radius: 4px;
    background: var(--divider-color);
    overflow: hidden;
  }
  .bar > span {
    display: block;
    height: 100%;
    background: var(--warning-color);
    border-radius: 4px;
  }
  .bar.full > span {
    background: var(--success-color);
  }
  .primary-button {
    min-height: 48px;
    padding: 8px 20px;
    border-radius: 24px;
    border: none;
    background: var(--primary-color);
    color: var(--text-primary-color, #fff);
    font-weight: 500;
  }
  .secondary-button {
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
  }
  .grams-input {
    width: 6em;
  }
  .unit-select {
    font: inherit;
    color: var(--primary-text-color);
    background: var(--card-background-color);
    border: 1px solid var(--divider-color);
    border-radius: 8px;
    min-height: 44px;
    padding: 0 8px;
    max-width: 100%;
  }
  .stepper {
    display: inline-flex;
    align-items: center;
    gap: 4px;
  }
  .stepper .amount {
    min-width: 2em;
    text-align: center;
    font-variant-numeric: tabular-nums;
    font-weight: 500;
  }
  .trash {
    margin-top: 8px;
  }
  .trash summary {
    cursor: pointer;
    padding: 12px 0;
  }
  .trash .entry {
    grid-template-columns: 3.2em minmax(0, 1fr) auto;
  }
  .deleted-at {
    display: block;
    font-size: 0.85em;
  }
  input {
    font: inherit;
    color: var(--primary-text-color);
    background: var(--card-background-color);
    border: 1px solid var(--divider-color);
    border-radius: 8px;
    min-height: 44px;
    padding: 0 12px;
    box-sizing: border-box;
  }
  .search {
    width: 100%;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    text-align: start;
    max-width: 100%;
  }
  .chip[aria-pressed="true"] {
    border-color: var(--primary-color);
    box-shadow: inset 0 0 0 1px var(--primary-color);
  }
  .chip ha-icon,
  .secondary-button ha-icon {
    --mdc-icon-size: 18px;
    color: var(--secondary-text-color);
  }
  .chip .sub {
    color: var(--secondary-text-color);
    font-size: 0.875rem;
    white-space: nowrap;
  }
  .results {
    list-style: none;
    margin: 8px 0 0;
    padding: 0;
    border: 1px solid var(--divider-color);
    border-radius: 8px;
    overflow: hidden;
  }
  .results li + li {
    border-top: 1px solid var(--divider-color);
  }
  .result {
    width: 100%;
    min-height: 48px;
    padding: 8px 12px;
    border: none;
    background: none;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 12px;
    text-align: start;
  }
  .result:hover,
  .chip:hover:not(:disabled) {
    background: var(--secondary-background-color);
  }
  .result .other {
    display: block;
    color: var(--secondary-text-color);
    font-size: 0.875rem;
  }
  .result .sub {
    color: var(--secondary-text-color);
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .stats {
    display: grid;
    gap: 12px;
    grid-template-columns: repeat(2, minmax(0, 1fr));
  }
  .stat.next-meal {
    grid-column: 1 / -1;
  }
  .stat .big {
    font-size: 1.5rem;
    font-weight: 400;
    font-variant-numeric: tabular-nums;
  }
  .dots {
    display: flex;
    gap: 6px;
    margin-top: 6px;
  }
  .dot {
    width: 12px;
    height: 12px;
    border-radius: 50%;
    border: 2px solid var(--divider-color);
    box-sizing: border-box;
  }
  .dot.on {
    background: var(--success-color);
    border-color: var(--success-color);
  }
  .meals {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 12px;
  }
  .meal-head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 4px 8px;
    font-weight: 500;
    padding-bottom: 4px;
    border-bottom: 1px solid var(--divider-color);
  }
  .entries {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .entry {
    display: grid;
    grid-template-columns: 3.2em minmax(0, 1fr) auto auto;
    align-items: center;
    gap: 8px;
    min-height: 48px;
  }
  .entry .name {
    overflow-wrap: anywhere;
  }
  .entry .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .icon-button {
    width: 44px;
    height: 44px;
    border-radius: 50%;
    border: none;
    background: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    color: var(--secondary-text-color);
  }
  .icon-button:hover {
    background: var(--secondary-background-color);
  }
  .confirm {
    grid-column: 1 / -1;
    justify-content: flex-end;
    padding-bottom: 8px;
  }
  .danger {
    background: var(--error-color);
    color: var(--text-primary-color, #fff);
    border: none;
  }
  .est {
    color: var(--warning-color);
    font-weight: 500;
    cursor: help;
  }
  .notice,
  .error {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    border-radius: 8px;
    padding: 4px 4px 4px 12px;
    min-height: 44px;
  }
  .notice {
    border: 1px solid var(--success-color);
  }
  .error {
    border: 1px solid var(--error-color);
    color: var(--error-color);
  }
  .link-button {
    min-height: 40px;
    padding: 4px 12px;
    border: none;
    border-radius: 20px;
    background: none;
    color: var(--primary-color);
    font-weight: 500;
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: 8px;
  }
`;
